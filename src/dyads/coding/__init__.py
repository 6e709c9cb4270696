"""The PLOVER event coder: trigger lexicon, arguments from the parse, dates, places,
contexts, merging of sentences that report one happening, and CAMEO/quad/Goldstein derived
from PLOVER. The pipeline stages are in ``dyads.coding.stages``; ``dyads.coding.stage``
codes one article at a time for evaluation. Nothing heavy is imported here.
"""
