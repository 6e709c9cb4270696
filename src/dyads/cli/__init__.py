"""The ``dyads`` command line. Heavy imports happen inside each command's ``run``."""
