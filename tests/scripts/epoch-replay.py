#!/usr/bin/env python3
"""What a smaller early-stopping patience would have changed in a finished run, without training again.

Reads the `epochs` (per-epoch validation NDCG@10) of every trained row in the main sample's results.json and replays
early stopping as EarlyStopping does it (a strictly higher validation score is a new best; training stops once
`patience` epochs in a row brought none). First checks that the replay at each row's own patience gives the epochs and
best epoch the run recorded. Not run by CI. Example:
    python3 tests/scripts/epoch-replay.py DIR/results.json 10 12
"""
import json
import sys


def replay(epochs, patience):
    """(epochs trained, epoch kept) under `patience`."""
    best, kept = float("-inf"), 0
    for report in epochs:
        if report["validation"] > best:
            best, kept = report["validation"], report["epoch"]
        if report["epoch"] - kept >= patience:
            return report["epoch"], kept
    return len(epochs), kept


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: epoch-replay.py RESULTS_JSON [PATIENCE ...]")
    results = json.load(open(sys.argv[1], encoding="utf-8"))
    rows = [(protocol, row) for protocol in ("leaveOneOut", "coldItem") if protocol in results
            for row in results[protocol]["rows"] if row.get("epochs")]

    for protocol, row in rows:
        if replay(row["epochs"], row["patience"]) != (len(row["epochs"]), row["bestEpoch"]):
            sys.exit(f"{protocol} '{row['name']}': the replay does not give the recorded epochs; results.json may be from another version.")

    by_model = {}
    for _, row in rows:
        by_model[row["model"]] = by_model.get(row["model"], 0) + len(row["epochs"])
    total = sum(by_model.values())
    print(f"{len(rows)} trained rows, {total} epochs: "
          + ", ".join(f"{model} {count}" for model, count in by_model.items()))

    for patience in map(int, sys.argv[2:]):
        trained, changed = 0, []
        for protocol, row in rows:
            epochs, kept = replay(row["epochs"], patience)
            trained += epochs
            if kept != row["bestEpoch"]:
                changed.append(f"{protocol} '{row['name']}' keeps epoch {kept} instead of {row['bestEpoch']}")
        print(f"patience {patience}: {total - trained} of {total} epochs saved, {len(changed)} of {len(rows)} rows keep another epoch")
        for line in changed:
            print(f"  {line}")


if __name__ == "__main__":
    main()
