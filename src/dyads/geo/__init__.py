"""Places: the gazetteer of cities and countries that datelines and mentions resolve against."""

from dyads.geo.gazetteer import Gazetteer, build_gazetteer, default_gazetteer, name_key

__all__ = ["Gazetteer", "build_gazetteer", "default_gazetteer", "name_key"]
