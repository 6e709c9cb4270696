"""Deduplication: articles into stories (exact + MinHash), reports into canonical events."""
