"""Jobs: each wires inputs, a pipeline description, a runner and a sink.

- ``dyads run`` (``dyads.jobs.run``): inputs -> the local runner -> the store;
- ``dyads run --executor dask`` (``dyads.jobs.distributed``): inputs -> Dask -> the store, or
  a Parquet dataset with ``--out``;
- ``dyads load DIR`` (``dyads.jobs.load``): a Parquet dataset -> the store;
- ``POST /documents`` (``dyads.jobs.post``): the API's pipeline -> the store.

Sinks: ``dyads.jobs.sinks.StoreSink`` (the store) and ``dyads.jobs.dataset.ParquetSink`` (a
Parquet dataset), both a ``dyads.sink.Sink``. Runners know only ``dyads.sink``; the store knows
no runner, registry or pipeline. Nothing is imported here, so a Dask worker that unpickles a
sink's description imports only the sink it opens.
"""
