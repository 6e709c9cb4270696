"""Serving stored events: the REST API (``serve.api``) and the web dashboard (``serve.web``).

Build the application with ``dyads.serve.api.app.create_app(settings)``; ``dyads serve`` runs
it under uvicorn.
"""
