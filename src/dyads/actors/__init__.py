"""Actors: the tables of countries, organisations and roles, the finder and its memory."""

from dyads.actors.finder import ActorFinder, SentenceActors
from dyads.actors.memory import ArticleMemory
from dyads.actors.tables import ActorTables

__all__ = ["ActorFinder", "ActorTables", "ArticleMemory", "SentenceActors"]
