"""Cleaners: a raw page (page-text dump, HTML, or plain article text) becomes an ``Article``."""
