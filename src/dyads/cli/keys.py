"""``dyads keys create|list|revoke``: the API keys that may write through ``POST /documents``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from dyads.cli.parser import add_db_option


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "keys",
        help="create, list and revoke API keys",
        description="API keys are stored hashed; a new key's secret is printed once.",
    )
    add_db_option(parser)
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="create a key and print its secret once")
    create.add_argument("--name", required=True, help="who or what the key is for")
    listing = actions.add_parser("list", help="list keys: prefix, name, created, revoked")
    revoke = actions.add_parser("revoke", help="revoke a key by its prefix or name")
    revoke.add_argument("ident", metavar="PREFIX_OR_NAME", help="the key's prefix or its name")
    for action in (create, listing, revoke):
        add_db_option(action)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dyads.cli.common import OK, SOME_INPUTS_FAILED, USAGE
    from dyads.errors import StoreError
    from dyads.serve.keys import create_key, list_keys, revoke_key
    from dyads.settings import Settings
    from dyads.store.engine import open_store_checked

    settings = Settings(db=args.db) if args.db else Settings()
    try:
        engine = open_store_checked(settings.db, must_exist=False)
        if args.action == "create":
            new = create_key(engine, name=args.name)
            print(new.secret)
            sys.stderr.write(
                f"created key {new.key.prefix} ({new.key.name}); the secret above is not "
                "stored and will not be shown again\n"
            )
        elif args.action == "list":
            for key in list_keys(engine):
                revoked = key.revoked_at.isoformat() if key.revoked_at else "active"
                print(f"{key.prefix}\t{key.name}\t{key.created_at.isoformat()}\t{revoked}")
        elif revoke_key(engine, ident=args.ident) == 0:
            sys.stderr.write(f"dyads: no active key with prefix or name {args.ident!r}\n")
            return SOME_INPUTS_FAILED
    except StoreError as exc:
        sys.stderr.write(f"dyads: {exc}\n")
        return USAGE
    return OK
