"""The coding stages, in pipeline order (``dyads.registry.CODING``):

- ``select`` (``Article`` -> ``SelectedArticle``): the article's language and the sentences
  worth parsing; an article in a language the coder has no resources for is dropped;
- ``parse`` (-> ``ParsedArticle``): every selected sentence of a batch of articles through
  spaCy in one ``nlp.pipe``, inside one memory zone for the batch;
- ``actors`` (-> ``ResolvedArticle``): actor mentions, sentence after sentence, with the
  article's coreference memory;
- ``events`` (-> ``CandidateArticle``): event candidates of each sentence, those the settings
  let through;
- ``merge`` (-> ``CodedArticle``): candidates that report the same happening become one event.

Each is built from ``Settings`` alone and loads what it needs, per language, in ``open``.
"""
