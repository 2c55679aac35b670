#!/usr/bin/env python3
"""Writes a corpus folder of invented news articles with known stories.

    stories_corpus.py DIR [SEED]

DIR gets manifest.tsv, one .txt per article and truth.tsv (id, story). The
text is made up here from invented words (no text of anyone else), built to
look like the seeds to a story signature: two articles of one story share
about a third of their content words (the seeds' "hard to resume talks"
pair: 0.34), two articles of different stories on the same topic about a
tenth (the seeds' other pairs: 0.05 to 0.14).

- 40 stories covered by 2 to 6 of 6 outlets, dated within 2 days of the
  story's first day; the first days fall in 40 days, so many stories run
  at the same time and only their words tell them apart;
- 4 stories without dates (undated articles group only with each other);
- a wire copy: one article repeated word for word by another outlet;
- a story whose words come back 30 days later: a new story (the window);
- 20 stories of one article.
"""
import os
import random
import sys

FUNCTION = ("the of and to in a that is for on with as was by at it from be "
            "has have are this which its their but not been were an or will "
            "after over about more than had would could also into").split()

ONSETS = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
          "br", "dr", "kl", "st", "tr", "sh", "ch", "gr"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ou", "ea"]
CODAS = ["", "n", "r", "l", "s", "m", "k", "nd", "st"]


def word(rng, syllables):
    return "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
                   for _ in range(syllables))


def vocabulary(rng, n, taken):
    out = []
    while len(out) < n:
        w = word(rng, rng.choice((2, 2, 3)))
        if w not in taken and len(w) >= 4:
            taken.add(w)
            out.append(w)
    return out


def zipf_pick(rng, words):
    # weights 1/rank: a few words of each list are frequent, most are rare
    weights = [1.0 / (i + 1) for i in range(len(words))]
    return rng.choices(words, weights=weights)[0]


def article_text(rng, story_words, topic, names):
    n = rng.randint(150, 450)
    toks = []
    for _ in range(n):
        r = rng.random()
        if r < 0.35:
            toks.append(rng.choice(FUNCTION))
        elif r < 0.65:
            toks.append(zipf_pick(rng, topic))
        elif r < 0.72:
            toks.append(rng.choice(names))
        else:
            toks.append(zipf_pick(rng, story_words))
    sentences, i = [], 0
    while i < len(toks):
        k = rng.randint(12, 20)
        s = " ".join(toks[i:i + k])
        sentences.append(s[0].upper() + s[1:] + ".")
        i += k
    paras = [" ".join(sentences[j:j + 4]) for j in range(0, len(sentences), 4)]
    return "\n\n".join(paras) + "\n"


def day(base, plus):
    import datetime
    return (datetime.date(2015, 3, 1) + datetime.timedelta(days=base + plus)).isoformat()


def main():
    out = sys.argv[1]
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 17)
    os.makedirs(out, exist_ok=True)
    taken = set(FUNCTION)
    topic = vocabulary(rng, 400, taken)
    outlets = ["Northern Post", "Harbour Times", "Valley Wire", "Coast Daily",
               "Plains Herald", "River Review"]
    rows, truth = [], []

    def add(story, outlet, date, text, title):
        aid = "a%04d" % (len(rows) + 1)
        with open(os.path.join(out, aid + ".txt"), "w") as f:
            f.write(title + "\n\n" + text)
        rows.append((aid, aid + ".txt", outlet, date, title))
        truth.append((aid, story))
        return text

    stories = []
    for s in range(40):
        stories.append(("s%02d" % s, rng.randint(0, 40), True))
    for s in range(4):
        stories.append(("u%02d" % s, 0, False))
    for sid, base, dated in stories:
        words = vocabulary(rng, 60, taken)
        names = [w.capitalize() for w in vocabulary(rng, 5, taken)]
        title = " ".join(names[:2] + words[:3]).capitalize()
        covered = rng.sample(outlets, rng.randint(2, 6))
        for o in covered:
            for _ in range(rng.choice((1, 1, 2))):
                date = day(base, rng.randint(0, 2)) if dated else ""
                text = add(sid, o, date, article_text(rng, words, topic, names), title)
        if sid == "s00":
            # a wire copy, word for word, a day later, by an outlet not yet in it
            other = [o for o in outlets if o not in covered] or outlets
            add(sid, other[0], day(base, 1), text, title)
        if sid == "s01":
            # the same words 30 days later: another story, the window keeps it apart
            for o in covered[:3]:
                add("s01-later", o, day(base, 30 + rng.randint(0, 2)),
                    article_text(rng, words, topic, names), title)
    for s in range(20):
        words = vocabulary(rng, 60, taken)
        names = [w.capitalize() for w in vocabulary(rng, 5, taken)]
        add("one%02d" % s, rng.choice(outlets), day(rng.randint(0, 40), 0),
            article_text(rng, words, topic, names), " ".join(words[:4]).capitalize())
    with open(os.path.join(out, "manifest.tsv"), "w") as f:
        f.write("id\tfile\toutlet\tdate\ttitle\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    with open(os.path.join(out, "truth.tsv"), "w") as f:
        f.write("id\tstory\n")
        for t in truth:
            f.write("\t".join(t) + "\n")


main()
