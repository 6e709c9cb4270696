"""Writers of articles and events in the formats dyads speaks."""
