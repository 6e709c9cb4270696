"""The PLOVER event coder: trigger lexicon, arguments from the parse, dates, places,
contexts, merging of sentences that report one happening, and CAMEO/quad/Goldstein derived
from PLOVER. ``dyads.coding.stage.CodeStage`` is the pipeline stage; nothing heavy is imported
here.
"""
