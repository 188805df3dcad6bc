"""The monitor's one SQLite file: the queue, the decisions, the shareable list of hashes of assessed
content, and a log of runs. No server; the schema is versioned (``PRAGMA user_version``) and each
migration below runs once, in order, so an older file is brought up to date when it is opened."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

# Append only: never edit a migration that has shipped, add the next one.
MIGRATIONS = [
    """
    CREATE TABLE items (
        id            INTEGER PRIMARY KEY,
        content_hash  TEXT NOT NULL UNIQUE,   -- SHA-256 of the normalised text (hashes.content_hash)
        url           TEXT NOT NULL,          -- the item's address (the page, or the feed entry's link)
        source        TEXT NOT NULL,          -- the watchlist address it was read from
        language      TEXT NOT NULL,
        kind          TEXT NOT NULL,          -- html or feed
        title         TEXT NOT NULL DEFAULT '',
        text          TEXT NOT NULL,          -- the text that was scored
        snapshot      BLOB,                   -- the bytes received, kept as evidence until decided
        snapshot_type TEXT NOT NULL DEFAULT '',
        fetched_at    TEXT NOT NULL,          -- ISO 8601 with the offset
        score         REAL NOT NULL,
        hint          TEXT,                   -- a, b or c: what the fired terms and rules hint at
        reasons       TEXT NOT NULL,          -- JSON list of the terms and rules that fired
        scorer        TEXT NOT NULL,
        status        TEXT NOT NULL DEFAULT 'pending',  -- pending, hate-a, hate-b, hate-c, not-hate
        decided_at    TEXT,
        note          TEXT NOT NULL DEFAULT '',
        dossier       TEXT,                   -- where decide wrote the evidence dossier
        notice        TEXT                    -- and the DSA notice
    );
    CREATE INDEX items_status ON items (status, fetched_at);
    CREATE TABLE assessed (
        content_hash  TEXT PRIMARY KEY,       -- the shareable list: hashes only, never the content
        label         TEXT NOT NULL,          -- hate-a, hate-b, hate-c or not-hate
        assessed_on   TEXT NOT NULL,          -- YYYY-MM-DD
        origin        TEXT NOT NULL           -- 'local' or the partner whose list was imported
    );
    CREATE TABLE runs (
        id           INTEGER PRIMARY KEY,
        started_at   TEXT NOT NULL,
        finished_at  TEXT,
        summary      TEXT NOT NULL DEFAULT '{}'   -- JSON: counts and each failing site with the reason
    );
    """,
]

DECISIONS = ("hate-a", "hate-b", "hate-c", "not-hate")


def now() -> datetime:
    """The local time with its offset (what evidence needs: '2026-12-02T12:30:05+01:00')."""
    return datetime.now().astimezone().replace(microsecond=0)


class Store:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.db = sqlite3.connect(self.path)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA foreign_keys = ON")
        self._migrate()

    def close(self) -> None:
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        version = self.version
        if version > len(MIGRATIONS):
            raise RuntimeError(
                f"{self.path} was written by a newer version of the monitor (schema {version}); update the tool."
            )
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.db:  # each migration and its version number in one transaction
                self.db.executescript(f"BEGIN; {script}; PRAGMA user_version = {number}; COMMIT;")

    # -- what a run asks -------------------------------------------------------------------------

    def known(self, content_hash: str) -> bool:
        """Queued already, or assessed here or by a partner whose list was imported."""
        row = self.db.execute(
            "SELECT 1 FROM items WHERE content_hash = ? UNION SELECT 1 FROM assessed WHERE content_hash = ?",
            (content_hash, content_hash),
        ).fetchone()
        return row is not None

    def queue(self, **item) -> int:
        item["reasons"] = json.dumps(item["reasons"], ensure_ascii=False)
        columns = ", ".join(item)
        marks = ", ".join("?" for _ in item)
        with self.db:
            cursor = self.db.execute(f"INSERT INTO items ({columns}) VALUES ({marks})", tuple(item.values()))
        return cursor.lastrowid

    def start_run(self) -> int:
        with self.db:
            return self.db.execute("INSERT INTO runs (started_at) VALUES (?)", (now().isoformat(),)).lastrowid

    def finish_run(self, run_id: int, summary: dict) -> None:
        with self.db:
            self.db.execute(
                "UPDATE runs SET finished_at = ?, summary = ? WHERE id = ?",
                (now().isoformat(), json.dumps(summary, ensure_ascii=False), run_id),
            )

    # -- what review asks ------------------------------------------------------------------------

    def item(self, item_id: int) -> dict | None:
        row = self.db.execute("SELECT * FROM items WHERE id = ?", (item_id,)).fetchone()
        return _item(row) if row else None

    def items(self, status: str | None = "pending") -> list[dict]:
        sql = "SELECT * FROM items" + (" WHERE status = ?" if status else "") + " ORDER BY score DESC, id"
        return [_item(row) for row in self.db.execute(sql, (status,) if status else ())]

    def last_run(self) -> dict | None:
        row = self.db.execute("SELECT * FROM runs ORDER BY id DESC LIMIT 1").fetchone()
        return {**dict(row), "summary": json.loads(row["summary"])} if row else None

    def decide(self, item_id: int, label: str, note: str, when: datetime) -> None:
        if label not in DECISIONS:
            raise ValueError(f"unknown decision {label!r}")
        item = self.item(item_id)
        with self.db:
            self.db.execute(
                "UPDATE items SET status = ?, decided_at = ?, note = ? WHERE id = ?",
                (label, when.isoformat(), note, item_id),
            )
            self.db.execute(
                "INSERT OR REPLACE INTO assessed VALUES (?, ?, ?, 'local')",
                (item["content_hash"], label, when.date().isoformat()),
            )

    def record_outputs(self, item_id: int, dossier: str, notice: str) -> None:
        with self.db:
            self.db.execute("UPDATE items SET dossier = ?, notice = ? WHERE id = ?", (dossier, notice, item_id))

    # -- retention and the shareable list --------------------------------------------------------

    def purge(self, retention_days: int, when: datetime | None = None) -> int:
        """Delete every item nobody confirmed (pending or judged not hate) fetched more than
        ``retention_days`` ago, and runs as old. The hashes of assessed content stay (no content
        in them): that is what keeps an item assessed once from being queued again."""
        limit = ((when or now()) - timedelta(days=retention_days)).isoformat()
        with self.db:
            gone = self.db.execute(
                "DELETE FROM items WHERE status IN ('pending', 'not-hate') AND fetched_at < ?", (limit,)
            ).rowcount
            self.db.execute("DELETE FROM runs WHERE started_at < ?", (limit,))
        self.db.execute("VACUUM")  # deleted text must not linger in free pages of the file
        return gone

    def assessed(self) -> list[dict]:
        return [dict(row) for row in self.db.execute("SELECT * FROM assessed ORDER BY assessed_on, content_hash")]

    def import_assessed(self, rows: list[tuple[str, str, str]], origin: str) -> int:
        """Add a partner's hashes (never overriding a local assessment)."""
        with self.db:
            before = self.db.total_changes
            self.db.executemany("INSERT OR IGNORE INTO assessed VALUES (?, ?, ?, ?)", [(*row, origin) for row in rows])
            return self.db.total_changes - before


def _item(row: sqlite3.Row) -> dict:
    item = dict(row)
    item["reasons"] = json.loads(item["reasons"])
    return item
