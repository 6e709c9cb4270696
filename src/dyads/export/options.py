"""What a caller may ask of an export beyond its format: one frozen record every writer takes.

``ExportOptions`` reaches a writer through ``ExportFormat.write_to`` (``dyads export``,
``dyads events``, ``GET /events?format=``); a writer reads the options it has a use for and
ignores the rest, so a new option is a field here and a few lines in the writer that uses it.

Exceptions::

    ValueError
    └── UnknownCountryCodes     a country code system that is not in ``COUNTRY_CODES``
"""

from __future__ import annotations

from dataclasses import dataclass

ISO3 = "iso3"
FIPS = "fips"
# The code systems a GDELT-style table may write in its geography country columns: ISO
# 3166-1 alpha-3 (dyads' own codes), or FIPS 10-4 as GDELT's ``*Geo_CountryCode`` columns.
COUNTRY_CODES: tuple[str, ...] = (ISO3, FIPS)


class UnknownCountryCodes(ValueError):
    """A country code system that is not in ``COUNTRY_CODES``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportOptions:
    # the geography country columns of the GDELT-style table: "iso3" or "fips"
    country_codes: str = ISO3

    def __post_init__(self) -> None:
        if self.country_codes not in COUNTRY_CODES:
            known = ", ".join(COUNTRY_CODES)
            raise UnknownCountryCodes(
                f"unknown country codes {self.country_codes!r}; one of {known}"
            )


DEFAULT_OPTIONS = ExportOptions()
