#!/usr/bin/env python3
"""Formats the fidelity benchmark's JSON lines (bench/fidelity.sh) as one markdown table per metric."""
import json
import sys
from collections import defaultdict


def load(path):
    rows = []
    try:
        with open(path) as f:
            for line in f:
                if line.startswith("{"):
                    rows.append(json.loads(line))
    except FileNotFoundError:
        pass
    return rows


def label(row):
    name = row["variant"]
    if row.get("requested"):
        name += f" --ratings {row['requested']:,}"
    return name


def table(rows, title, value, fmt="{:.3f}", source=None):
    seeds = sorted({r["seed"] for r in rows})
    print(f"\n**{title}**\n")
    head = "| setting | variant | " + " | ".join(f"seed {s}" for s in seeds) + " |" + (" source |" if source else "")
    print(head)
    print("|" + "---|" * (len(seeds) + 2 + (1 if source else 0)))
    groups = defaultdict(dict)
    for r in rows:
        groups[(r["setting"], label(r))][r["seed"]] = r
    for (setting, name), by_seed in groups.items():
        cells = []
        for s in seeds:
            r = by_seed.get(s)
            v = value(r) if r else None
            cells.append("–" if v is None else fmt.format(v))
        extra = ""
        if source:
            any_row = next(iter(by_seed.values()))
            extra = " " + fmt.format(source(any_row)) + " |"
        print(f"| {setting} | {name} | " + " | ".join(cells) + " |" + extra)


def main():
    variants = load(sys.argv[1])
    ranking = load(sys.argv[2]) if len(sys.argv) > 2 else []
    if variants:
        table(variants, "Ratings (distinct pairs)", lambda r: r["ratings"], "{:,}")
        table(variants, "Users / items that appear", lambda r: f"{r['users']:,} / {r['items']:,}", "{}")
        table(variants, "User Gini", lambda r: r["giniUsers"], source=lambda r: r["source"]["giniUsers"])
        table(variants, "Item Gini", lambda r: r["giniItems"], source=lambda r: r["source"]["giniItems"])
        table(variants, "Head share (top 10% of items)", lambda r: r["headShare"], source=lambda r: r["source"]["headShare"])
        table(variants, "KS of log(degree / mean), users", lambda r: r["ksUsers"])
        table(variants, "KS of log(degree / mean), items", lambda r: r["ksItems"])
        table(variants, "Rating TVD, raw (before the rank calibration)", lambda r: r["rawTvd"])
        table(variants, "The GAN samples' own rating TVD", lambda r: r["ganTvd"])
        table(variants, "Rating TVD, final", lambda r: r["finalTvd"], "{:.4f}")
        table(variants, "Reference RMSE (DeepMF, 80/20), synthetic", lambda r: (r.get("difficulty") or {}).get("SyntheticReferenceRmse"),
              source=lambda r: (r.get("difficulty") or {}).get("SourceReferenceRmse"))
        table(variants, "Reference trainings", lambda r: (r.get("difficulty") or {}).get("ReferenceFits"), "{}")
        table(variants, "Near copies", lambda r: r["nearCopies"], "{}")
        if any(r.get("rhoItems") is not None for r in variants):
            table(variants, "ρ items (ratings count vs mean rating)", lambda r: r.get("rhoItems"), "{:+.2f}", source=lambda r: r["source"].get("rhoItems"))
            table(variants, "ρ users (ratings count vs mean rating)", lambda r: r.get("rhoUsers"), "{:+.2f}", source=lambda r: r["source"].get("rhoUsers"))
        table(variants, "Sampling seconds (clustering, pairs, reference trainings; generator trained once per seed)", lambda r: r["sampleSeconds"], "{:.0f}")
    verdicts = [r for r in ranking if r.get("ranking")]
    if verdicts:
        print("\n**Ranking verdict, matched --ratings 300,000, split seeds 1-3**\n")
        print("| seed | protocol, threshold | τ | source self-agreement τ | τ − self | best agrees | worst agrees | source spread of F1@10 | separation |")
        print("|---|---|---|---|---|---|---|---|---|")
        for r in verdicts:
            v = r["ranking"]
            tau = "undefined" if v["Tau"] is None else f"{v['Tau']:.3f}"
            self_tau = "undefined" if v["SelfAgreementTau"] is None else f"{v['SelfAgreementTau']:.3f}"
            margin = "–" if v["Tau"] is None or v["SelfAgreementTau"] is None else f"{v['Tau'] - v['SelfAgreementTau']:+.3f}"
            separation = "–" if v.get("Separation") is None else f"{v['Separation']:.2f}"
            print(f"| {r['seed']} | {v['Protocol']}, ≥ {v['Threshold']} | {tau} | {self_tau} | {margin} | {v['BestAgrees']} | {v['WorstAgrees']} | {v['SourceSpread']:.3f} | {separation} |")
        print("\n**RMSE of each rating model, mean over split seeds 1-3: synthetic / source (ratio)**\n")
        models = [m["Model"] for m in verdicts[0]["ranking"]["Models"] if m["SourceRmse"] is not None]
        print("| seed | " + " | ".join(models) + " |")
        print("|" + "---|" * (len(models) + 1))
        for r in verdicts:
            by = {m["Model"]: m for m in r["ranking"]["Models"]}
            cells = [f"{by[m]['SyntheticRmse']:.3f} / {by[m]['SourceRmse']:.3f} ({by[m]['SyntheticRmse'] / by[m]['SourceRmse']:.2f})" for m in models]
            print(f"| {r['seed']} | " + " | ".join(cells) + " |")
        print("\n**F1@10 under the verdict's protocol, mean over split seeds: synthetic / source**\n")
        models = [m["Model"] for m in verdicts[0]["ranking"]["Models"]]
        print("| seed | " + " | ".join(models) + " |")
        print("|" + "---|" * (len(models) + 1))
        for r in verdicts:
            by = {m["Model"]: m for m in r["ranking"]["Models"]}
            print(f"| {r['seed']} | " + " | ".join(f"{by[m]['SyntheticF1']:.3f} / {by[m]['SourceF1']:.3f}" for m in models) + " |")


if __name__ == "__main__":
    main()
