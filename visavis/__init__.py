"""Vis-à-Vis core: data loading, validation and rendering, independent of any site generator.

Nothing in this package imports MkDocs: the MkDocs hooks in ``hooks/`` are thin adapters around it,
so that moving to another generator touches only those adapters.
"""
