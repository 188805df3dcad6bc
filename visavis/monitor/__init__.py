"""The detection tool: a watchlist monitor for the help desk's staff and partners.

It reads the public pages and feeds a partner listed (``watchlist``), politely (``fetch``), keeps
the text of what the scorer flags (``storage``), explains why it flagged it (``scoring``, with the
lexicon of ``lexicon``), shows the queue in an offline report (``report``), and records what a
trained person decides (``decide``): a person always decides, the score is never a verdict.
Plain Python, like the rest of ``visavis/``; the command line is ``scripts/monitor``.
"""
