#!/usr/bin/env python3
"""A pandas + scikit-learn peer for `npm run bench`, written the way a data scientist would write it.

Issue 13 measures Ladder Atlas against "an idiomatic pandas + scikit-learn pipeline (read the ladders, TF-IDF,
zero-shot classification by cosine to each competency's text and cues, coverage by group-by, placement, every level
mapped to every other company)". This is our own version of it, so the ratio can be measured on the same machine,
interleaved with our commands. It is a yardstick, not a product: it reads the same folders (`DIR/ladders/<company>/`,
Markdown pages and tab-separated tables) with plain rules, and its answers are not checked against ours.

    python3 src/cli/bench/peer.py statements DIR > out.json   # read, classify, write every statement as JSON
    python3 src/cli/bench/peer.py levels DIR > out.json       # ... and place every level, map it to every company
    python3 src/cli/bench/peer.py stages DIR                  # the stages' times in one process, as JSON

Needs pandas and scikit-learn (Debian: python3-pandas python3-sklearn); nothing in the product or its tests runs it.
"""
import json
import os
import re
import sys
import time

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from scipy import sparse
from sklearn.preprocessing import normalize

HERE = os.path.dirname(os.path.abspath(__file__))
TAXONOMY = os.path.join(HERE, '..', '..', '..', 'data', 'taxonomy.json')
BULLET = re.compile(r'^\s*(?:[-*+]|\d+[.)])\s+(.*)$')
SENTENCES = re.compile(r'(?<=[.!?])\s+|\s{2,}')


def read_markdown(path, company):
    rows, level, section = [], None, None
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if line.startswith('# '):
                level = line[2:].split(':')[0].split(' ')[0].strip()
            elif line.startswith('## '):
                section = line[3:].strip()
            elif line.strip() and level and not line.lstrip().startswith(('<', '>', '|', '**')):
                m = BULLET.match(line)
                text = (m.group(1) if m else line).strip()
                if text:
                    rows.append((company, level, section, text, f'{path}:{n}'))
    return rows


def read_table(path, company):
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    start = next(i for i, l in enumerate(lines) if '\t' in l)
    table = pd.read_csv(path, sep='\t', skiprows=start, dtype=str).fillna('')
    level_column = table.columns[0]
    long = table.melt(id_vars=[level_column], var_name='section', value_name='cell')
    long = long[long['cell'].str.strip() != '']
    rows = []
    for level, section, cell in long.itertuples(index=False):
        for text in SENTENCES.split(cell.strip()):
            if text.strip():
                rows.append((company, str(level), section, text.strip(), f'{path}'))
    return rows


def read_ladders(folder):
    rows = []
    root = os.path.join(folder, 'ladders')
    for company in sorted(os.listdir(root)):
        for name in sorted(os.listdir(os.path.join(root, company))):
            path = os.path.join(root, company, name)
            if name.endswith('.md'):
                rows += read_markdown(path, company)
            elif name.endswith(('.tsv', '.csv')):
                rows += read_table(path, company)
    return pd.DataFrame(rows, columns=['company', 'level', 'section', 'text', 'source'])


def competency_documents():
    with open(TAXONOMY, encoding='utf-8') as f:
        taxonomy = json.load(f)
    ids = [c['id'] for c in taxonomy['competencies']]
    docs = [' '.join([c['label'], c.get('definition', ''), c.get('description', ''), ' '.join(c.get('cues', {}))]) for c in taxonomy['competencies']]
    return ids, docs


def classify(statements):
    ids, docs = competency_documents()
    vectorizer = TfidfVectorizer(stop_words='english', sublinear_tf=True, ngram_range=(1, 2), min_df=1)
    X = vectorizer.fit_transform(statements['text'].tolist() + docs)
    S, C = X[: len(statements)], X[len(statements):]
    scores = (S @ C.T).toarray()
    best = scores.argmax(axis=1)
    out = statements.assign(competency=np.array(ids)[best], confidence=scores[np.arange(len(best)), best].round(3))
    return out, S


def coverage(classified):
    return classified.groupby(['company', 'level', 'competency']).size().unstack(fill_value=0)


def place(classified):
    levels = classified[['company', 'level']].drop_duplicates().reset_index(drop=True)
    levels['rank'] = levels.groupby('company').cumcount()
    levels['count'] = levels.groupby('company')['level'].transform('size')
    levels['position'] = (1 + 6 * levels['rank'] / (levels['count'] - 1).clip(lower=1)).round(2)
    return levels


def map_levels(classified, S, levels):
    """Every level against every level of every other company: profile cosine and closeness on the scale, best per company."""
    codes = pd.MultiIndex.from_frame(levels[['company', 'level']]).get_indexer(pd.MultiIndex.from_frame(classified[['company', 'level']]))
    # Each level's profile: the sum of its statements' TF-IDF vectors, L2-normalised (levels in the order of `levels`).
    member = sparse.csr_matrix((np.ones(len(codes)), (codes, np.arange(len(codes)))), shape=(len(levels), len(codes)))
    profiles = normalize(member @ S)
    similarity = (profiles @ profiles.T).toarray()
    position = levels['position'].to_numpy()
    company = levels['company'].to_numpy()
    closeness = np.exp(-((position[:, None] - position[None, :]) ** 2) / 0.5)
    score = 0.5 * similarity + 0.5 * closeness
    # Per company, the best of its levels for every level (its own company's answer dropped).
    rows = []
    for name, members in levels.groupby('company').indices.items():
        best = members[score[:, members].argmax(axis=1)]
        rows.append(pd.DataFrame({'source': levels.index, 'company': name, 'target': best, 'score': score[levels.index, best]})[company != name])
    return pd.concat(rows, ignore_index=True)


def record_peak_rss():
    """With ATLAS_BENCH_RSS set (as `npm run bench` sets it for the CLI too), write the peak RSS in kB there on exit."""
    target = os.environ.get('ATLAS_BENCH_RSS')
    if target:
        import atexit
        import resource

        def write():
            with open(target, 'w') as f:
                f.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
        atexit.register(write)


def main():
    mode, folder = sys.argv[1], sys.argv[2]
    record_peak_rss()
    times = {}
    t = time.perf_counter()
    statements = read_ladders(folder)
    times['read'] = time.perf_counter() - t
    t = time.perf_counter()
    classified, S = classify(statements)
    times['classify'] = time.perf_counter() - t
    if mode == 'statements':
        classified.to_json(sys.stdout, orient='records', indent=2)
        return
    t = time.perf_counter()
    cells = coverage(classified)
    times['coverage'] = time.perf_counter() - t
    t = time.perf_counter()
    levels = place(classified)
    times['place'] = time.perf_counter() - t
    t = time.perf_counter()
    mapped = map_levels(classified, S, levels)
    times['map'] = time.perf_counter() - t
    if mode == 'levels':
        levels.to_json(sys.stdout, orient='records', indent=2)
    else:
        json.dump({'statements': len(statements), 'levels': len(levels), 'cells': int(cells.size), 'mapped': len(mapped), 'seconds': times}, sys.stdout)
        print()


if __name__ == '__main__':
    main()
