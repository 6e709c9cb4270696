"""Words that name the blocks of a news page, in the languages the evaluation pages use.

These are facts about how sites label their boxes ("MOST POPULAR", "Mehr zum Thema"), not
tuned numbers. A heading phrase must make up (nearly) the whole line; a marker phrase may sit
anywhere in a line. English and German dominate the pages we score on; French, Spanish,
Italian and Turkish labels are the common ones seen on news sites in those languages.
"""

from __future__ import annotations

from dyads.records import BlockKind

# heading phrase -> kind; matched against the start of a short line, case-insensitively
HEADINGS: tuple[tuple[BlockKind, tuple[str, ...]], ...] = (
    (
        BlockKind.MOST_POPULAR,
        (
            "most popular",
            "most read",
            "most viewed",
            "most shared",
            "most watched",
            "popular",
            "trending",
            "top stories",
            "top news",
            "meistgelesen",
            "meist gelesen",
            "meistgesehen",
            "beliebteste",
            "les plus lus",
            "lo más leído",
            "más leídas",
            "più letti",
            "en çok okunan",
            "çok okunanlar",
        ),
    ),
    (
        BlockKind.RECOMMENDED,
        (
            "recommended",
            "you may also like",
            "you might also like",
            "we recommend",
            "suggested",
            "don't miss",
            "don’t miss",
            "editor's picks",
            "editors' picks",
            "editor’s picks",
            "more from",
            "more stories",
            "more news",
            "empfohlen",
            "empfehlungen",
            "das könnte sie auch interessieren",
            "auch interessant",
            "à lire aussi",
            "sur le même sujet",
            "te puede interesar",
            "ti potrebbe interessare",
            "ilginizi çekebilir",
        ),
    ),
    (
        BlockKind.RELATED,
        (
            "related",
            "read more",
            "read also",
            "see also",
            "more on this",
            "more about",
            "further reading",
            "latest news",
            "latest stories",
            "also read",
            "also on",
            "mehr zum thema",
            "mehr zu",
            "lesen sie auch",
            "lesen sie mehr",
            "weitere artikel",
            "weiterlesen",
            "verwandte",
            "lire aussi",
            "lire la suite",
            "leer más",
            "noticias relacionadas",
            "leggi anche",
            "ilgili haberler",
            "story timeline",
            "topics",
            "tags",
            "themen",
            "schlagworte",
        ),
    ),
    (
        BlockKind.COMMENTS,
        (
            "comments",
            "comment",
            "leave a reply",
            "leave a comment",
            "post a comment",
            "join the conversation",
            "join the discussion",
            "discussion",
            "responses",
            "kommentare",
            "kommentar",
            "leserkommentare",
            "diskussion",
            "commentaires",
            "comentarios",
            "commenti",
            "yorumlar",
        ),
    ),
    (
        BlockKind.SHARE,
        (
            "share",
            "share this",
            "share on",
            "share article",
            "tweet",
            "teilen",
            "artikel teilen",
            "partager",
            "compartir",
            "condividi",
            "paylaş",
        ),
    ),
    (
        BlockKind.SUBSCRIBE,
        (
            "subscribe",
            "sign up",
            "newsletter",
            "get our newsletter",
            "register",
            "log in",
            "login",
            "sign in",
            "abonnieren",
            "anmelden",
            "registrieren",
            "s'abonner",
            "suscríbete",
            "abbonati",
            "abone ol",
        ),
    ),
    (
        BlockKind.ADVERTISEMENT,
        (
            "advertisement",
            "advertising",
            "sponsored",
            "sponsored content",
            "promoted",
            "anzeige",
            "werbung",
            "publicité",
            "publicidad",
            "pubblicità",
            "reklam",
        ),
    ),
    (
        BlockKind.COOKIE,
        ("cookie", "cookies", "we use cookies", "this website uses cookies", "privacy settings"),
    ),
    (
        BlockKind.FOOTER,
        (
            "copyright",
            "all rights reserved",
            "terms of use",
            "terms of service",
            "privacy policy",
            "contact us",
            "about us",
            "impressum",
            "datenschutz",
            "alle rechte vorbehalten",
            "site information",
            "policies",
            "follow us",
            "connect with us",
            "social and media",
        ),
    ),
    (
        BlockKind.NAVIGATION,
        ("menu", "skip to", "navigation", "search", "home", "main menu", "sections", "startseite"),
    ),
)

# Phrases that mark a whole line as boilerplate wherever they occur in it, matched against the
# case-folded line (so written in lower case). Each kind lists plain substrings that any match
# must contain: a line without them skips the regular expression, which keeps the cleaner fast.
MARKERS: tuple[tuple[BlockKind, tuple[str, ...], str], ...] = (
    (BlockKind.COOKIE, ("cookie", "datenschutz"), r"\bcookies?\b|\bdatenschutzerklärung\b"),
    # the head of a comment: "Jane on September 12, 2018 at 4:47 pm said:", "2 days ago",
    # "Rating: 36 Votes", "Reply"
    (
        BlockKind.COMMENTS,
        ("said:", "says:", " ago", "vote", "reply", "avatar", "antworten"),
        r"\d{4},? at \d{1,2}:\d{2} ?(?:[ap]\.?m\.?)? ?(?:said|says):$"
        r"|^\d+ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?) ago\b"
        r"|^(?:rating: )?[+-]?\d+ votes?$|^(?:reply|avatar|antworten|report|flag)$",
    ),
    (
        BlockKind.FOOTER,
        ("©", "(c)", "rights reserved", "rechte vorbehalten"),
        r"©|\(c\) ?\d{4}|\ball rights reserved\b|\balle rechte vorbehalten\b",
    ),
    (
        BlockKind.SHARE,
        (
            "share",
            "tweet",
            "pin",
            "mail",
            "print",
            "teilen",
            "drucken",
            "senden",
            "facebook",
            "twitter",
        ),
        r"^(?:share|tweet|pin|email|e-mail|print|teilen|drucken|senden)\b.{0,40}$"
        r"|\b(?:share on|share via|teilen auf|auf facebook|on facebook|on twitter)\b",
    ),
    (
        BlockKind.SUBSCRIBE,
        ("sign", "subscri", "abonnieren", "log in"),
        r"\b(?:sign up for|subscribe to|subscribe now|newsletter abonnieren|"
        r"jetzt abonnieren|already a subscriber|log in to|sign in to)\b",
    ),
    (
        BlockKind.ADVERTISEMENT,
        ("ins", "advertisement", "anzeige"),
        r"^\[?(?:ins: ?:ins|advertisement|anzeige)\]?$",
    ),
    # the shapes of a photo caption or credit
    (
        BlockKind.CAPTION,
        (
            "photo",
            "image",
            "getty",
            "reuters/",
            "afp",
            "shutterstock",
            "file - ",
            "foto",
            "bild",
            "dpa",
            "picture alliance",
            "/",
        ),
        # (the phrases that start a word share one "\b": the search tries it once a place)
        r"\b(?:photo(?:graph)?: |photo by\b|reuters/|afp/|dpa\b ?/)"
        r"|\((?:ap|afp|reuters|epa|getty)? ?photo\b|\(?image: |image caption|image copyright|"
        r"getty images|/afp\b|/ ?shutterstock|\(photo credit|^file - |foto: |bild: |/dpa\b|"
        r"picture alliance|^in this .{0,40}\bphoto(?:graph)?\b"
        # a credit in brackets closing the line: "(Jane Doe/Reuters)", "(NASA/JPL-Caltech)";
        # 67 such lines in the Zyte lynx dumps, one of them (a price "$4.99/mo") in a gold
        # body, hence no digits (dev half: F1 +0.004)
        r"|\([^()\d]*[^\W\d]/[^\W\d][^()\d]*\)\W?$",
    ),
)
