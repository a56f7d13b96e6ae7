"""Applies review changes to a store forever, printing each one after it is committed."""

import sys

from reviewer.store import Repository, open_store

repo = Repository(open_store(sys.argv[1]))
ids = [fv.id for doc in repo.document_ids() for fv in repo.field_values(doc)]
n = 0
while True:
    fv_id = ids[n % len(ids)]
    value = f"value {n}"
    repo.set_value(fv_id, value, None, "killer")  # returns once committed
    print(f"saved {fv_id} {value}", flush=True)
    n += 1
