"""The web dashboard: server-rendered pages (Jinja2), our own CSS/JS, a vendored chart library."""
