"""Runners: drive a pipeline over inputs and own the error policy."""
