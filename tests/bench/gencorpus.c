/*
 * gencorpus: writes a deterministic news-like corpus for scripts/bench.
 *
 *   gencorpus [-s SIZE] [-r SEED] [-f dir|jsonl|html|warc] [-d SEEDS] OUT
 *
 * SIZE is the article text to write in bytes, with an optional K, M or G
 * suffix (powers of 1000): 10M, 100M, 1G. With -f dir (the default) OUT is
 * a folder that gets manifest.tsv (id file outlet date title lang) and
 * OUTLET/ID.txt per article; with -f jsonl OUT is a file ("-" for standard
 * output) with one {"id","outlet","date","title","text","lang"} object per
 * line, the text being the same bytes the .txt file would hold; with -f html
 * OUT is a folder like -f dir's with OUTLET/ID.html, each article (the same
 * articles as -f dir) laid out as a news page: scripts, styles and a
 * JSON-LD block, a charset meta, the menu in nav inside a header, the story
 * in main/article with entities and inline tags, related headlines in
 * aside, the tail lines in footer. With -f warc OUT is a .warc.gz file
 * holding those pages (the same bytes as -f html's) as WARC response
 * records, a gzip member per record as Common Crawl writes them, for
 * https://www.SLUG.com/ID.html on the article's date. SIZE counts the
 * article text, not the markup, so that the formats hold the same text at
 * the same SIZE.
 *
 * The same seed gives the same bytes on every machine: one PRNG
 * (splitmix64), no locale, no clock. Sentences come from three sources so
 * that the text looks like news to a tokenizer and a matcher: a word-bigram
 * chain over the article paragraphs of the seed corpus (corpus/seeds), news
 * templates with actors, names (some accented), numbers and lexicon phrases
 * at per-outlet rates, and plain sentences that draw on a Zipf-distributed
 * vocabulary so that the number of distinct words grows as in real text.
 * Around the text sit the usual page furniture: menus, datelines, share
 * widgets, related-headline lists, captions, Chinese and Russian
 * boilerplate lines.
 */
#include <dirent.h>
#include <zlib.h>
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fsutil.h"
#include "parse.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

/* ---- random numbers ------------------------------------------------------ */

static uint64_t rng_state;

static uint64_t rng_next(void)
{
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* A uniform integer in [0, n). */
static size_t rnd(size_t n)
{
	return n ? (size_t)(rng_next() % n) : 0;
}

/* A uniform double in [0, 1). */
static double rndf(void)
{
	return (double)(rng_next() >> 11) / 9007199254740992.0;
}

#define PICK(arr) ((arr)[rnd(sizeof(arr) / sizeof((arr)[0]))])

/* ---- what the text is made of ------------------------------------------- */

struct outlet {
	const char *name, *slug, *tag;
	double acc, conc, dist;	/* chance per sentence of a lexicon phrase */
	int curly;		/* writes ’ and “ ” rather than ' and " */
	double cjk, cyrillic;	/* chance per article of such a boilerplate line */
};

static const struct outlet outlets[] = {
	{ "China Daily", "china-daily", "(chinadaily.com.cn)", 0.05, 0.10, 0.02, 0, 0.40, 0 },
	{ "Xinhua", "xinhua", "(Xinhua)", 0.04, 0.11, 0.02, 0, 0.30, 0 },
	{ "Global Times", "global-times", "(Global Times)", 0.12, 0.04, 0.03, 0, 0.30, 0 },
	{ "Press TV", "press-tv", "(Press TV)", 0.10, 0.02, 0.03, 0, 0, 0.05 },
	{ "Sputnik", "sputnik", "(Sputnik)", 0.07, 0.05, 0.04, 1, 0, 0.60 },
	{ "RT", "rt", "(RT)", 0.08, 0.03, 0.05, 1, 0, 0.40 },
	{ "Reuters", "reuters", "(Reuters)", 0.03, 0.03, 0.07, 1, 0, 0 },
	{ "Associated Press", "ap", "(AP)", 0.03, 0.02, 0.06, 1, 0, 0 },
	{ "BBC", "bbc", "(BBC)", 0.02, 0.02, 0.08, 1, 0.02, 0.02 },
	{ "Al Jazeera", "al-jazeera", "(Al Jazeera)", 0.05, 0.04, 0.05, 1, 0, 0 },
};
#define NOUTLETS (sizeof(outlets) / sizeof(outlets[0]))

/* Surface forms of lexicons/stance.lex entries (globs written out). */
static const char *const acc_phrases[] = {
	"groundless accusations", "groundless", "baseless", "unfounded", "unjustified",
	"unwarranted", "without any basis", "no evidence", "fabricated", "fabrication",
	"made up", "a smear campaign", "slander", "distorted", "distortion", "lies",
	"hypocrisy", "hypocritical", "double standards", "irresponsible", "mistaken",
	"wrong actions", "a Cold War mentality", "accusations", "accused", "blamed",
	"allegations", "finger-pointing", "an act of aggression", "provocation",
	"provocations", "interference", "hegemony", "hegemonic", "bullying",
};
static const char *const conc_phrases[] = {
	"dialogue", "cooperation", "cooperate", "cooperative", "mutual respect",
	"mutual trust", "mutual benefit", "mutual understanding", "common interests",
	"common challenges", "win-win", "consensus", "constructive", "partnership",
	"friendship", "peaceful", "work together", "enhance understanding",
};
static const char *const dist_phrases[] = {
	"alleged", "allegedly", "so-called", "purported", "purportedly", "reportedly",
	"claimed", "supposed", "supposedly",
};
static const char *const actors[] = {
	"China", "the United States", "Washington", "Beijing", "the US", "the U.S.",
	"Chinese officials", "US officials", "the Pentagon", "the Foreign Ministry",
	"the White House", "Moscow", "the European Union", "Tehran", "Russia",
	"the State Department", "the Chinese government", "the Obama administration",
	"NATO", "Japan", "the United Nations", "Congress",
};
static const char *const people[] = {
	"Hong Lei", "Hua Chunying", "Lu Kang", "Geng Shuang", "Wang Yi", "Zheng Zeguang",
	"James Clapper", "John Kerry", "Barack Obama", "Xi Jinping", "Sergei Lavrov",
	"Maria Zakharova", "José Rodríguez", "Zoë Müller", "François Lefèvre",
	"Søren Kierkegaard-Hansen", "Ayşe Yılmaz", "Nguyễn Văn An", "Łukasz Wróbel",
	"Mohammad Javad Zarif", "Jen Psaki", "Susan Rice", "Li Keqiang", "Yang Jiechi",
};
static const char *const roles[] = {
	"Foreign Ministry spokesman", "spokeswoman", "a senior official", "analyst",
	"a State Department spokeswoman", "Defense Secretary", "the ambassador",
	"a researcher at the Chinese Academy of Social Sciences", "a former diplomat",
};
static const char *const topics[] = {
	"cyber security", "the trade talks", "the South China Sea", "hacking",
	"cyber espionage", "the sanctions", "tariffs", "human rights", "the summit",
	"the Office of Personnel Management breach", "intellectual property",
	"the nuclear deal", "military exercises", "the working group", "climate change",
};
static const char *const days[] = {
	"on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday",
	"on Saturday", "on Sunday", "last week", "earlier this month", "in a statement",
};
static const char *const places[] = {
	"Beijing", "Washington", "Moscow", "Tehran", "Geneva", "Brussels", "Hong Kong",
	"Shanghai", "Tokyo", "Seoul", "New York", "Zürich", "São Paulo", "Kraków",
};
static const char *const saids[] = {
	"said", "told reporters", "said at a regular news briefing", "told Reuters",
	"wrote in a commentary", "said in an interview", "added",
};
static const char *const numbers[] = {
	"1,200", "3.5 percent", "$4.2 billion", "10,000", "21.6 million", "two", "three",
	"dozens of", "more than 400", "0.8 percent", "$1.5 trillion", "17", "2,000",
};
static const char *const function_words[] = {
	"the", "the", "the", "of", "of", "and", "to", "to", "in", "in", "a", "that", "for",
	"on", "with", "as", "was", "is", "by", "it", "from", "at", "have", "has", "be",
	"are", "this", "which", "its", "their", "would", "will", "not", "but", "or", "after",
	"an", "were", "been", "more", "said", "also", "than", "over", "into", "against",
};
static const char *const news_words[] = {
	"government", "officials", "country", "security", "talks", "report", "president",
	"minister", "foreign", "military", "economic", "trade", "policy", "agreement",
	"statement", "spokesman", "relations", "cyber", "attack", "attacks", "hackers",
	"information", "companies", "issue", "issues", "countries", "international",
	"national", "public", "state", "week", "year", "years", "people", "meeting",
	"visit", "leaders", "bilateral", "sides", "network", "data", "systems", "threat",
	"threats", "measures", "ministry", "department", "agency", "intelligence",
	"technology", "internet", "online", "law", "rules", "investigation", "charges",
	"market", "growth", "billion", "million", "percent", "region", "border",
	"defense", "force", "forces", "support", "response", "plan", "deal", "summit",
	"election", "court", "case", "members", "council", "committee", "sources",
};

/* ---- a Zipf vocabulary of made-up words ---------------------------------- */

#define ZIPF_WORDS 40000

static char **zipf_word;
static double *zipf_cdf;

static void zipf_init(void)
{
	static const char *const onsets[] = {
		"b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v",
		"w", "br", "ch", "cr", "dr", "fl", "gr", "pl", "pr", "sh", "st", "str", "th", "tr",
	};
	static const char *const vowels[] = { "a", "e", "i", "o", "u", "ai", "ea", "io", "ou" };
	static const char *const codas[] = { "", "", "n", "r", "s", "t", "l", "nd", "st", "ng", "x" };
	double sum = 0;
	size_t i;

	zipf_word = xmalloc(ZIPF_WORDS * sizeof(*zipf_word));
	zipf_cdf = xmalloc(ZIPF_WORDS * sizeof(*zipf_cdf));
	for (i = 0; i < ZIPF_WORDS; i++) {
		struct buf w = BUF_INIT;
		size_t k, syl = 1 + rnd(3) + (i > 2000);
		for (k = 0; k < syl; k++) {
			buf_adds(&w, PICK(onsets));
			buf_adds(&w, PICK(vowels));
		}
		buf_adds(&w, PICK(codas));
		zipf_word[i] = buf_detach(&w);
		sum += 1.0 / (double)(i + 1);
		zipf_cdf[i] = sum;
	}
	for (i = 0; i < ZIPF_WORDS; i++)
		zipf_cdf[i] /= sum;
}

static const char *zipf_pick(void)
{
	double u = rndf();
	size_t lo = 0, hi = ZIPF_WORDS - 1;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (zipf_cdf[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return zipf_word[lo];
}

/* ---- a bigram chain over the seed articles ------------------------------- */

struct chain {
	char **word;		/* distinct words as written */
	size_t nwords, words_alloc;
	size_t **next;		/* per word: the ids that follow it, repeats kept */
	size_t *nnext, *next_alloc;
	size_t *starts;		/* words that begin a sentence */
	size_t nstarts, starts_alloc;
};

static struct chain chain;

static size_t chain_intern(const char *w, size_t len)
{
	size_t i;

	/* A few thousand words, built once: a linear search is fast enough. */
	for (i = 0; i < chain.nwords; i++)
		if (strlen(chain.word[i]) == len && !memcmp(chain.word[i], w, len))
			return i;
	ALLOC_GROW(chain.word, chain.nwords + 1, chain.words_alloc);
	chain.next = xrealloc(chain.next, chain.words_alloc * sizeof(*chain.next));
	chain.nnext = xrealloc(chain.nnext, chain.words_alloc * sizeof(*chain.nnext));
	chain.next_alloc = xrealloc(chain.next_alloc, chain.words_alloc * sizeof(*chain.next_alloc));
	chain.word[chain.nwords] = xstrndup(w, len);
	chain.next[chain.nwords] = NULL;
	chain.nnext[chain.nwords] = chain.next_alloc[chain.nwords] = 0;
	return chain.nwords++;
}

static int ends_sentence(const char *w)
{
	size_t n = strlen(w);
	return n > 0 && (w[n - 1] == '.' || w[n - 1] == '?' || w[n - 1] == '!')
	       && strcmp(w, "U.S.") && strcmp(w, "Mr.") && strcmp(w, "Mrs.");
}

/* Whether a seed line is article prose rather than furniture. */
static int is_prose(const char *line, size_t len)
{
	size_t i, words = 0;
	int in_word = 0;

	for (i = 0; i < len; i++) {
		int space = line[i] == ' ' || line[i] == '\t';
		if (!space && !in_word)
			words++;
		in_word = !space;
	}
	return words >= 15 && (line[len - 1] == '.' || line[len - 1] == '"');
}

/* Adds one prose line: quotes are dropped, the templates add their own. */
static void chain_add_line(const char *line, size_t len)
{
	struct buf w = BUF_INIT;
	size_t i = 0, prev = (size_t)-1;

	while (i <= len) {
		if (i == len || line[i] == ' ') {
			if (w.len) {
				size_t id = chain_intern(w.data, w.len);
				if (prev == (size_t)-1) {
					ALLOC_GROW(chain.starts, chain.nstarts + 1, chain.starts_alloc);
					chain.starts[chain.nstarts++] = id;
				} else {
					ALLOC_GROW(chain.next[prev], chain.nnext[prev] + 1,
						   chain.next_alloc[prev]);
					chain.next[prev][chain.nnext[prev]++] = id;
				}
				prev = ends_sentence(w.data) ? (size_t)-1 : id;
				buf_reset(&w);
			}
			i++;
			continue;
		}
		if (line[i] == '"') {
			i++;
		} else if (!memcmp(line + i, "\xE2\x80\x9C", 3) || !memcmp(line + i, "\xE2\x80\x9D", 3)) {
			i += 3;
		} else {
			buf_addch(&w, line[i]);
			i++;
		}
	}
	buf_release(&w);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void chain_load(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, alloc = 0, i;

	if (!d)
		die("cannot open '%s': %s", dir, strerror(errno));
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len > 4 && !strcmp(e->d_name + len - 4, ".txt")) {
			ALLOC_GROW(names, n + 1, alloc);
			names[n++] = xstrdup(e->d_name);
		}
	}
	closedir(d);
	/* readdir order differs between file systems; the output must not. */
	qsort(names, n, sizeof(*names), cmp_str);
	for (i = 0; i < n; i++) {
		char *path = path_join(dir, names[i]), *text, *p;
		size_t len;
		if (!(text = read_file(path, &len)))
			die("cannot read '%s': %s", path, strerror(errno));
		for (p = text; p < text + len;) {
			char *nl = memchr(p, '\n', (size_t)(text + len - p));
			size_t ll = nl ? (size_t)(nl - p) : (size_t)(text + len - p);
			if (ll && p[ll - 1] == '\r')
				ll--;
			if (ll && is_prose(p, ll))
				chain_add_line(p, ll);
			p += (nl ? (size_t)(nl - p) + 1 : ll);
		}
		free(text);
		free(path);
		free(names[i]);
	}
	free(names);
	if (!chain.nstarts)
		die("no article text in '%s' to learn sentences from", dir);
}

/* ---- sentences ----------------------------------------------------------- */

/* Appends s, with apostrophes curled when the outlet writes them so. */
static void add_text(struct buf *b, const char *s, int curly)
{
	for (; *s; s++) {
		if (*s == '\'' && curly)
			buf_adds(b, "\xE2\x80\x99");
		else
			buf_addch(b, *s);
	}
}

static void add_upper_first(struct buf *b, const char *s, int curly)
{
	size_t at = b->len;
	add_text(b, s, curly);
	if (b->data[at] >= 'a' && b->data[at] <= 'z')
		b->data[at] = (char)(b->data[at] - 32);
}

static void open_quote(struct buf *b, int curly)
{
	buf_adds(b, curly ? "\xE2\x80\x9C" : "\"");
}

static void close_quote(struct buf *b, int curly)
{
	buf_adds(b, curly ? "\xE2\x80\x9D" : "\"");
}

static void chain_sentence(struct buf *b, int curly)
{
	size_t id = chain.starts[rnd(chain.nstarts)], n = 0;

	for (;;) {
		if (n++)
			buf_addch(b, ' ');
		add_text(b, chain.word[id], curly);
		if (ends_sentence(chain.word[id]))
			return;
		if (!chain.nnext[id] || n > 45) {
			buf_addch(b, '.');
			return;
		}
		id = chain.next[id][rnd(chain.nnext[id])];
	}
}

/* A plain sentence over function words, news words and the Zipf vocabulary. */
static void plain_sentence(struct buf *b)
{
	size_t n = 8 + rnd(20), i;

	for (i = 0; i < n; i++) {
		double u = rndf();
		const char *w = u < 0.45 ? PICK(function_words) : u < 0.80 ? PICK(news_words) : zipf_pick();
		if (i)
			buf_addch(b, ' ');
		if (i == 0)
			add_upper_first(b, w, 0);
		else
			buf_adds(b, w);
		if (i + 1 < n && rnd(12) == 0)
			buf_addch(b, ',');
	}
	buf_addch(b, '.');
}

static const char *stance_phrase(const struct outlet *o)
{
	double u = rndf() * (o->acc + o->conc + o->dist);
	if (u < o->acc)
		return PICK(acc_phrases);
	if (u < o->acc + o->conc)
		return PICK(conc_phrases);
	return PICK(dist_phrases);
}

/* A news sentence from a template, with one lexicon phrase. */
static void template_sentence(struct buf *b, const struct outlet *o)
{
	const char *ph = stance_phrase(o);
	int c = o->curly;

	switch (rnd(8)) {
	case 0:
		add_upper_first(b, PICK(actors), c);
		buf_addf(b, " rejected the charges over %s as %s, %s %s %s %s.", PICK(topics), ph,
			 PICK(roles), PICK(people), PICK(saids), PICK(days));
		break;
	case 1:
		open_quote(b, c);
		buf_addf(b, "We call on %s to stop this %s,", PICK(actors), ph);
		close_quote(b, c);
		buf_addf(b, " %s %s.", PICK(people), PICK(saids));
		break;
	case 2:
		buf_addf(b, "The two sides stressed %s on %s during talks in %s %s.", ph, PICK(topics),
			 PICK(places), PICK(days));
		break;
	case 3:
		buf_addf(b, "According to %s, %s hackers were behind %s %s intrusions, a charge "
			    "officials described as ", PICK(actors), ph, PICK(numbers), PICK(topics));
		open_quote(b, c);
		buf_adds(b, PICK(acc_phrases));
		buf_addch(b, '.');
		close_quote(b, c);
		break;
	case 4:
		add_upper_first(b, PICK(people), c);
		buf_addf(b, ", %s, %s the %s move on %s showed %s.", PICK(roles), PICK(saids), ph,
			 PICK(topics), PICK(acc_phrases));
		break;
	case 5:
		buf_addf(b, "Analysts in %s said %s and %s could find %s on %s, with trade worth %s "
			    "at stake.", PICK(places), PICK(actors), PICK(actors), ph, PICK(topics),
			 PICK(numbers));
		break;
	case 6:
		open_quote(b, c);
		add_upper_first(b, ph, c);
		buf_addf(b, " is not the way to deal with %s,", PICK(topics));
		close_quote(b, c);
		buf_addf(b, " %s %s.", PICK(people), PICK(saids));
		break;
	default:
		add_upper_first(b, PICK(actors), c);
		buf_addf(b, " said it was ready for %s with %s, %s the %s report.", ph, PICK(actors),
			 rnd(2) ? "citing" : "dismissing", PICK(dist_phrases));
		break;
	}
}

static void sentence(struct buf *b, const struct outlet *o)
{
	double u = rndf(), p = o->acc + o->conc + o->dist;

	if (u < p)
		template_sentence(b, o);
	else if (u < p + 0.55)
		chain_sentence(b, o->curly);
	else
		plain_sentence(b);
}

/* ---- articles ------------------------------------------------------------ */

struct date {
	int y, m, d;
};

/* Days since 1970-01-01 to a civil date (H. Hinnant's algorithm). */
static struct date civil(long z)
{
	struct date r;
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(yoe + era * 400 + (r.m <= 2));
	return r;
}

static void headline(struct buf *b, const struct outlet *o)
{
	switch (rnd(4)) {
	case 0:
		add_upper_first(b, PICK(actors), o->curly);
		buf_addf(b, " urges %s to stop '%s'", PICK(actors), PICK(acc_phrases));
		break;
	case 1:
		add_upper_first(b, PICK(actors), o->curly);
		buf_addf(b, " offers %s on %s", PICK(conc_phrases), PICK(topics));
		break;
	case 2:
		add_upper_first(b, PICK(topics), o->curly);
		buf_addf(b, " talks resume in %s", PICK(places));
		break;
	default:
		add_upper_first(b, PICK(people), o->curly);
		buf_addf(b, ": %s %s", PICK(news_words), zipf_pick());
		break;
	}
}

/*
 * What each line of an article is, for the page around it (-f html): a
 * mark says where a part begins in the text, and holds until the next.
 */
enum part {
	P_TITLE, P_MENU, P_DATELINE, P_TAG, P_CAPTION, P_PARA, P_SHARE, P_RELATED_HEAD,
	P_RELATED, P_TAIL, P_FOREIGN, P_COPYRIGHT,
};

#define MAX_MARKS 48

struct marks {
	size_t at[MAX_MARKS];
	enum part part[MAX_MARKS];
	size_t n;
};

static void mark(struct marks *mk, const struct buf *b, enum part part)
{
	if (!mk)
		return;
	if (mk->n == MAX_MARKS)
		die("gencorpus: more than %d parts in an article", MAX_MARKS);
	mk->at[mk->n] = b->len;
	mk->part[mk->n++] = part;
}

/*
 * Writes an article's text to b, and where its parts begin to mk (when not
 * NULL). The calls to the PRNG are those of the text alone, in the same
 * order, so that every format holds the same articles.
 */
static void article(struct buf *b, struct marks *mk, const struct outlet *o, const char *title,
		    struct date dt)
{
	static const char *const menus[] = {
		"Home | World | China | Business | Opinion | Sports | Video",
		"Home\tNews\tWorld\tAsia\tUS\tTech\tMore",
		"Subscribe",
		"Log in | Register",
	};
	static const char *const shares[] = {
		"Share this: Facebook Twitter WeChat Email",
		"Print  Mail  Large Medium  Small",
		"8.03K",
		"0 Comments",
	};
	static const char *const tails[] = {
		"Most Viewed", "Editor's Picks", "Join the mailing list", "Hot Topics",
		"To participate in the discussion log in or register", "Newsfeed",
		"Ukraine Snake Island Flag - Buy it Here!",
	};
	static const char *const cjk[] = {
		"中国日报网版权所有 未经授权禁止转载 联系我们 广告服务",
		"本网站所刊登的新闻、信息和各种专题专栏资料，均为版权所有",
		"京ICP备13028878号-6 互联网新闻信息服务许可证",
	};
	static const char *const cyr[] = {
		"Заголовок открываемого материала",
		"Читайте также: главные новости дня",
		"Все материалы ленты",
	};
	size_t paras = 5 + rnd(11), i, k;

	if (mk)
		mk->n = 0;
	mark(mk, b, P_TITLE);
	buf_addf(b, "%s\n", title);
	mark(mk, b, P_MENU);
	buf_addf(b, "%s\n", PICK(menus));
	mark(mk, b, P_DATELINE);
	buf_addf(b, "Updated: %04d-%02d-%02d %02zu:%02zu\n", dt.y, dt.m, dt.d, rnd(24), rnd(60));
	mark(mk, b, P_TAG);
	buf_addf(b, "%s\n\n", o->tag);
	if (rnd(3) == 0) {
		mark(mk, b, P_CAPTION);
		buf_addf(b, "A file photo of %s in %s. (Photo/Agencies)\n\n", PICK(people), PICK(places));
	}
	for (i = 0; i < paras; i++) {
		size_t sents = 1 + rnd(3);
		mark(mk, b, P_PARA);
		if (i == 0)
			buf_addf(b, "%s -- ", PICK(places));
		for (k = 0; k < sents; k++) {
			if (k)
				buf_addch(b, ' ');
			sentence(b, o);
		}
		buf_adds(b, "\n\n");
	}
	mark(mk, b, P_SHARE);
	buf_addf(b, "%s\n", PICK(shares));
	mark(mk, b, P_RELATED_HEAD);
	buf_adds(b, "Related Stories\n");
	mark(mk, b, P_RELATED);
	for (i = 0, k = 2 + rnd(4); i < k; i++) {
		struct buf h = BUF_INIT;
		headline(&h, o);
		buf_addf(b, "%s %04d-%02d-%02d %02zu:%02zu\n", h.data, dt.y, dt.m, dt.d, rnd(24), rnd(60));
		buf_release(&h);
	}
	mark(mk, b, P_TAIL);
	buf_addf(b, "%s\n%s\n", PICK(tails), PICK(tails));
	mark(mk, b, P_FOREIGN);
	if (rndf() < o->cjk)
		buf_addf(b, "%s\n", PICK(cjk));
	if (rndf() < o->cyrillic)
		buf_addf(b, "%s\n", PICK(cyr));
	mark(mk, b, P_COPYRIGHT);
	buf_addf(b, "\xC2\xA9 %d %s. All rights reserved.\n", dt.y, o->name);
}

/* ---- the same article as a web page (-f html) --------------------------- */

/*
 * The page's own PRNG, seeded from the corpus seed and the article's number:
 * what the page looks like varies per article without touching the stream
 * the text is drawn from, so -f html holds the articles of -f dir.
 */
struct page_rng {
	uint64_t state;
};

#define PICK_R(arr, r) ((arr)[page_rnd((r), sizeof(arr) / sizeof((arr)[0]))])

static size_t page_rnd(struct page_rng *r, size_t n)
{
	uint64_t z = (r->state += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	z ^= z >> 31;
	return n ? (size_t)(z % n) : 0;
}

/* How a page writes its characters: one style per page. */
struct page_style {
	int refs;	/* non-ASCII as 0 UTF-8, 1 decimal, 2 hex, 3 named where HTML has a name */
	int quot;	/* '"' as &quot; and '\'' as &#39; */
	int indent;	/* one element a line, indented, rather than minified */
	int inline_tags;	/* chance in 8 that a paragraph has an inline tag */
};

static const struct {
	unsigned cp;
	const char *name;
} named_refs[] = {
	{ 0xA9, "copy" }, { 0xE1, "aacute" }, { 0xE7, "ccedil" }, { 0xE8, "egrave" },
	{ 0xE9, "eacute" }, { 0xEB, "euml" }, { 0xF1, "ntilde" }, { 0xF3, "oacute" },
	{ 0xF6, "ouml" }, { 0xF8, "oslash" }, { 0xFC, "uuml" }, { 0x2019, "rsquo" },
	{ 0x201C, "ldquo" }, { 0x201D, "rdquo" },
};

/* Decodes the UTF-8 sequence at s (the generator writes only valid UTF-8). */
static size_t utf8_at(const char *s, unsigned *cp)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] < 0xE0) {
		*cp = (unsigned)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
		return 2;
	}
	if (u[0] < 0xF0) {
		*cp = (unsigned)(u[0] & 0x0F) << 12 | (unsigned)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
		return 3;
	}
	*cp = (unsigned)(u[0] & 0x07) << 18 | (unsigned)(u[1] & 0x3F) << 12
	      | (unsigned)(u[2] & 0x3F) << 6 | (u[3] & 0x3F);
	return 4;
}

/* Appends text escaped for HTML content or a quoted attribute, in the page's style. */
static void html_text(struct buf *b, const char *s, size_t len, const struct page_style *st)
{
	size_t i = 0, k;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		unsigned cp;
		size_t n;
		if (c == '&') {
			buf_adds(b, "&amp;");
		} else if (c == '<') {
			buf_adds(b, "&lt;");
		} else if (c == '>') {
			buf_adds(b, "&gt;");
		} else if (c == '"') {
			buf_adds(b, st->quot ? "&quot;" : "\"");
		} else if (c == '\'' && st->quot) {
			buf_adds(b, "&#39;");
		} else if (c < 0x80) {
			buf_addch(b, (char)c);
		} else {
			n = utf8_at(s + i, &cp);
			if (i + n > len)
				n = len - i;
			if (st->refs == 0 || cp >= 0x2E80) {
				/* Chinese stays UTF-8: no page spells it out. */
				buf_add(b, s + i, n);
			} else if (st->refs == 1) {
				buf_addf(b, "&#%u;", cp);
			} else if (st->refs == 2) {
				buf_addf(b, "&#x%X;", cp);
			} else {
				for (k = 0; k < sizeof(named_refs) / sizeof(named_refs[0]); k++)
					if (named_refs[k].cp == cp)
						break;
				if (k < sizeof(named_refs) / sizeof(named_refs[0]))
					buf_addf(b, "&%s;", named_refs[k].name);
				else
					buf_addf(b, "&#%u;", cp);
			}
			i += n;
			continue;
		}
		i++;
	}
}

static void html_nl(struct buf *b, const struct page_style *st, int depth)
{
	if (!st->indent)
		return;
	buf_addch(b, '\n');
	while (depth-- > 0)
		buf_adds(b, "  ");
}

/* A paragraph: its words, one or two runs of them inside an inline tag. */
static void html_para(struct buf *b, const char *s, size_t len, const struct page_style *st,
		      struct page_rng *r)
{
	/* Links (the first and last) get an address of their own. */
	static const char *const opens[] = {
		"<a href=\"/topic/", "<b>", "<strong>", "<em>", "<i>", "<span class=\"hl\">",
		"<a rel=\"noopener\" href=\"https://example.com/news/",
	};
	static const char *const closes[] = {
		"</a>", "</b>", "</strong>", "</em>", "</i>", "</span>", "</a>",
	};
	size_t words = 1, i, at[2] = { (size_t)-1, (size_t)-1 }, span[2] = { 0, 0 }, tag[2] = { 0, 0 };
	size_t w = 0, k, start;

	for (i = 0; i < len; i++)
		words += s[i] == ' ';
	for (k = 0; k < 2; k++) {
		if ((int)page_rnd(r, 8) >= st->inline_tags || words < 6)
			continue;
		/* The first run in the paragraph's first half, the second in its second. */
		at[k] = k * (words / 2) + page_rnd(r, words / 2 - 2);
		span[k] = 1 + page_rnd(r, 2);
		tag[k] = page_rnd(r, sizeof(opens) / sizeof(opens[0]));
		/*
		 * Links in a short paragraph would make most of it link text, which
		 * a cleaner drops (link density): the pages are to hold the story.
		 */
		if (words < 16 && !strcmp(closes[tag[k]], "</a>"))
			tag[k] = 1 + tag[k] % 5;
	}
	buf_adds(b, "<p>");
	for (i = 0; i <= len; w++) {
		start = i;
		while (i < len && s[i] != ' ')
			i++;
		for (k = 0; k < 2; k++)
			if (w == at[k]) {
				buf_adds(b, opens[tag[k]]);
				if (!strcmp(closes[tag[k]], "</a>"))
					buf_addf(b, "%zu.html\">", page_rnd(r, 100000));
			}
		html_text(b, s + start, i - start, st);
		for (k = 0; k < 2; k++)
			if (at[k] != (size_t)-1 && w == at[k] + span[k] - 1)
				buf_adds(b, closes[tag[k]]);
		if (i < len)
			buf_addch(b, ' ');
		i++;
	}
	buf_adds(b, "</p>");
}

/* The items of a menu line: "A | B", tab-separated, or two spaces apart. */
static void html_menu(struct buf *b, const char *s, size_t len, const struct page_style *st)
{
	size_t i = 0, start;

	buf_adds(b, "<nav class=\"menu\" aria-label=\"Sections\"><ul>");
	while (i < len) {
		start = i;
		while (i < len && s[i] != '\t' && s[i] != '|' && !(s[i] == ' ' && i + 1 < len
								     && (s[i + 1] == ' ' || s[i + 1] == '|')))
			i++;
		if (i > start) {
			html_nl(b, st, 3);
			buf_adds(b, "<li><a href=\"/");
			buf_add(b, s + start, i - start);
			buf_adds(b, "/\">");
			html_text(b, s + start, i - start, st);
			buf_adds(b, "</a></li>");
		}
		while (i < len && (s[i] == ' ' || s[i] == '|' || s[i] == '\t'))
			i++;
	}
	buf_adds(b, "</ul></nav>");
}

static enum part part_at(const struct marks *mk, size_t at)
{
	size_t i = mk->n;

	while (i > 1 && mk->at[i - 1] > at)
		i--;
	return mk->part[i - 1];
}

/*
 * Writes text (an article from article(), its parts in mk) as a news page:
 * head with a charset, title, og:title, styles and scripts (one a JSON-LD
 * block), a header with the menu in nav, the story in main/article with
 * entities and inline tags, related headlines in aside, the tail lines and
 * copyright in footer. The page varies per article (r): how characters
 * are written, inline tags, indentation, which charset meta.
 */
static void html_page(struct buf *b, const char *text, size_t len, const struct marks *mk,
		      const struct outlet *o, const char *title, const char *id, struct page_rng *r)
{
	static const char *const charsets[] = {
		"<meta charset=\"utf-8\">", "<meta charset=\"UTF-8\">",
		"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">",
	};
	struct page_style st;
	enum part prev = P_TITLE;
	const char *p = text, *end = text + len, *dateline = NULL;
	int in_list = 0;

	st.refs = (int)page_rnd(r, 4);
	st.quot = (int)page_rnd(r, 2);
	st.indent = (int)page_rnd(r, 2);
	st.inline_tags = 2 + (int)page_rnd(r, 5);
	/* The dateline gives the page its time: "Updated: YYYY-MM-DD HH:MM". */
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t ll = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (part_at(mk, (size_t)(p - text)) == P_DATELINE && ll == 25) {
			dateline = p + 9;
			break;
		}
		p += ll + 1;
	}
	if (!dateline)
		die("gencorpus: an article without a dateline");

	buf_adds(b, "<!DOCTYPE html>\n<html lang=\"en\"><head>");
	buf_adds(b, PICK_R(charsets, r));
	html_nl(b, &st, 1);
	buf_adds(b, "<title>");
	html_text(b, title, strlen(title), &st);
	buf_addf(b, " | %s</title>", o->name);
	html_nl(b, &st, 1);
	buf_adds(b, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
	html_nl(b, &st, 1);
	buf_adds(b, "<meta property=\"og:title\" content=\"");
	html_text(b, title, strlen(title), &st);
	buf_adds(b, "\">");
	html_nl(b, &st, 1);
	buf_addf(b, "<meta property=\"article:published_time\" content=\"%.10sT%.5s:00Z\">", dateline,
		 dateline + 11);
	html_nl(b, &st, 1);
	buf_addf(b, "<link rel=\"stylesheet\" href=\"/static/%s.css?v=%zu\">", o->slug, page_rnd(r, 1000));
	html_nl(b, &st, 1);
	buf_adds(b, "<style>body{font:16px/1.5 Georgia,serif;margin:0}.menu li{display:inline;"
		    "padding:0 .5em}.share svg{width:1em;height:1em}</style>");
	html_nl(b, &st, 1);
	buf_adds(b, "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push("
		    "arguments)}gtag('js',new Date());if(1<2&&\"</p>\"){var s='<div>'}</script>");
	if (page_rnd(r, 2)) {
		html_nl(b, &st, 1);
		buf_adds(b, "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
			    "\"@type\":\"NewsArticle\",\"headline\":\"");
		html_text(b, title, strlen(title), &st);
		buf_addf(b, "\",\"datePublished\":\"%.10sT%.5s:00Z\",\"publisher\":{\"@type\":"
			    "\"Organization\",\"name\":\"%s\"}}</script>", dateline, dateline + 11, o->name);
	}
	buf_addf(b, "\n</head>\n<body class=\"article-page %s\">", o->slug);
	html_nl(b, &st, 0);
	buf_addf(b, "<header class=\"site-header\"><a class=\"logo\" href=\"/\"><img src=\"/static/%s.svg\" "
		    "alt=\"\"></a>", o->slug);

	for (p = text; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t ll = nl ? (size_t)(nl - p) : (size_t)(end - p);
		enum part part = part_at(mk, (size_t)(p - text));
		const char *line = p;

		p += ll + 1;
		if (!ll)
			continue;
		/* Leave the container of the part before. */
		if (in_list && part != P_RELATED) {
			buf_adds(b, "</ul></aside>");
			in_list = 0;
		}
		if (part >= P_DATELINE && prev < P_DATELINE) {
			buf_adds(b, "<form class=\"search\" role=\"search\" action=\"/search\"><input "
				    "type=\"search\" name=\"q\" aria-label=\"Search\"></form></header>");
			html_nl(b, &st, 0);
			buf_adds(b, "<main id=\"content\"><article class=\"story\">");
			html_nl(b, &st, 1);
			buf_adds(b, "<h1 class=\"headline\">");
			html_text(b, title, strlen(title), &st);
			buf_adds(b, "</h1>");
		}
		if (part >= P_RELATED_HEAD && prev < P_RELATED_HEAD)
			buf_adds(b, "</article>");
		if (part >= P_TAIL && prev < P_TAIL) {
			html_nl(b, &st, 0);
			buf_adds(b, "</main>");
			html_nl(b, &st, 0);
			buf_adds(b, "<footer class=\"site-footer\">");
		}
		prev = part;
		/* The title is the page's h1, in the article. */
		if (part == P_TITLE)
			continue;
		html_nl(b, &st, part >= P_TAIL ? 1 : 2);
		switch (part) {
		case P_TITLE:
			break;
		case P_MENU:
			html_menu(b, line, ll, &st);
			break;
		case P_DATELINE:
			buf_addf(b, "<div class=\"byline\"><time datetime=\"%.10sT%.5s:00Z\">", dateline,
				 dateline + 11);
			html_text(b, line, ll, &st);
			buf_adds(b, "</time></div>");
			break;
		case P_TAG:
			buf_adds(b, "<p class=\"source\">");
			html_text(b, line, ll, &st);
			buf_adds(b, "</p>");
			break;
		case P_CAPTION:
			buf_addf(b, "<figure class=\"lead\"><img src=\"/images/%s.jpg\" alt=\"\" width=\"960\" "
				    "height=\"540\" loading=\"lazy\"><figcaption>", id);
			html_text(b, line, ll, &st);
			buf_adds(b, "</figcaption></figure>");
			break;
		case P_PARA:
			html_para(b, line, ll, &st, r);
			if (page_rnd(r, 6) == 0)
				buf_adds(b, "<!-- ad slot --><div class=\"ad\" data-slot=\"mid\"><noscript>"
					    "<img src=\"/ads/pixel.gif\" alt=\"\"></noscript></div>");
			break;
		case P_SHARE:
			buf_adds(b, "<div class=\"share\"><svg viewBox=\"0 0 16 16\"><path d=\"M0 0h16v16H0z"
				    "\"/></svg><span>");
			html_text(b, line, ll, &st);
			buf_adds(b, "</span></div>");
			break;
		case P_RELATED_HEAD:
			buf_adds(b, "<aside class=\"related\"><h2>");
			html_text(b, line, ll, &st);
			buf_adds(b, "</h2><ul>");
			in_list = 1;
			break;
		case P_RELATED:
			/* "HEADLINE YYYY-MM-DD HH:MM" */
			buf_addf(b, "<li><a href=\"/%s/%zu.html\">", o->slug, page_rnd(r, 10000000));
			html_text(b, line, ll > 17 ? ll - 17 : ll, &st);
			buf_adds(b, "</a>");
			if (ll > 17) {
				buf_adds(b, " <span class=\"date\">");
				html_text(b, line + ll - 16, 16, &st);
				buf_adds(b, "</span>");
			}
			buf_adds(b, "</li>");
			break;
		case P_TAIL:
		case P_COPYRIGHT:
			buf_adds(b, "<p>");
			html_text(b, line, ll, &st);
			buf_adds(b, "</p>");
			break;
		case P_FOREIGN:
			buf_adds(b, (unsigned char)line[0] >= 0xE0 ? "<p lang=\"zh\">" : "<p lang=\"ru\">");
			html_text(b, line, ll, &st);
			buf_adds(b, "</p>");
			break;
		}
	}
	if (in_list)
		buf_adds(b, "</ul></aside>");
	buf_addf(b, "\n</footer>\n<script src=\"/static/app.js?v=%zu\" async></script>\n</body></html>\n",
		 page_rnd(r, 1000));
}

/* ---- output -------------------------------------------------------------- */

static void json_string(struct buf *b, const char *s, size_t len)
{
	size_t i;

	buf_addch(b, '"');
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '"': buf_adds(b, "\\\""); break;
		case '\\': buf_adds(b, "\\\\"); break;
		case '\n': buf_adds(b, "\\n"); break;
		case '\t': buf_adds(b, "\\t"); break;
		case '\r': buf_adds(b, "\\r"); break;
		default:
			if (c < 0x20)
				buf_addf(b, "\\u%04x", c);
			else
				buf_addch(b, (char)c);
		}
	}
	buf_addch(b, '"');
}

static void xwrite(FILE *f, const char *data, size_t len, const char *what)
{
	if (len && fwrite(data, 1, len, f) != len)
		die("cannot write '%s': %s", what, strerror(errno));
}

static void xclose(FILE *f, const char *what)
{
	if (f != stdout ? fclose(f) : fflush(f))
		die("cannot write '%s': %s", what, strerror(errno));
}

static int parse_size(const char *s, uint64_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || end == s)
		return -1;
	switch (*end) {
	case 'k': case 'K': v *= 1000ULL; end++; break;
	case 'm': case 'M': v *= 1000000ULL; end++; break;
	case 'g': case 'G': v *= 1000000000ULL; end++; break;
	default: break;
	}
	if (*end == 'B' || *end == 'b')
		end++;
	if (*end || v == 0)
		return -1;
	*out = v;
	return 0;
}

/* A CSV field: quoted, its quotes doubled (RFC 4180). */
static void csv_field(struct buf *b, const char *s, size_t len)
{
	size_t i;

	buf_addch(b, '"');
	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			buf_addch(b, '"');
		buf_addch(b, s[i]);
	}
	buf_addch(b, '"');
}

/*
 * Appends the page as a WARC response record for https://www.SLUG.com/ID.html,
 * compressed as a gzip member of its own, to f.
 */
static void warc_record(FILE *f, const char *path, const struct outlet *o, const char *id,
			struct date dt, const struct buf *page, uint64_t *raw)
{
	struct buf http = BUF_INIT, rec = BUF_INIT;
	unsigned char chunk[65536];
	z_stream z;
	int ret;

	buf_addf(&http, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
		 "Content-Length: %zu\r\n\r\n", page->len);
	buf_add(&http, page->data, page->len);
	buf_addf(&rec, "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:framing:%s>\r\n"
		 "WARC-Date: %04d-%02d-%02dT12:00:00Z\r\nWARC-Target-URI: https://www.%s.com/%s.html\r\n"
		 "Content-Type: application/http; msgtype=response\r\nContent-Length: %zu\r\n\r\n",
		 id, dt.y, dt.m, dt.d, o->slug, id, http.len);
	buf_add(&rec, http.data, http.len);
	buf_adds(&rec, "\r\n\r\n");
	*raw += rec.len;
	memset(&z, 0, sizeof(z));
	if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		die("zlib: deflateInit2 failed");
	z.next_in = (unsigned char *)rec.data;
	z.avail_in = (uInt)rec.len;
	do {
		z.next_out = chunk;
		z.avail_out = sizeof(chunk);
		ret = deflate(&z, Z_FINISH);
		xwrite(f, (const char *)chunk, sizeof(chunk) - z.avail_out, path);
	} while (ret == Z_OK);
	if (ret != Z_STREAM_END)
		die("zlib: deflate failed");
	deflateEnd(&z);
	buf_release(&http);
	buf_release(&rec);
}

static const char usage[] =
	"usage: gencorpus [-s SIZE] [-r SEED] [-f dir|jsonl|csv|html|warc] [-d SEEDS] OUT\n"
	"  -s SIZE   bytes of article text, K/M/G = 10^3/10^6/10^9 (default 100M)\n"
	"  -r SEED   random seed (default 1)\n"
	"  -f FORMAT dir: OUT/manifest.tsv + OUT/OUTLET/ID.txt (default);\n"
	"            jsonl: one JSON object per line into OUT (- = stdout);\n"
	"            csv: the same as CSV (RFC 4180, every field quoted, CRLF)\n"
	"            html: OUT/manifest.tsv + OUT/OUTLET/ID.html, each article as a\n"
	"            news page (SIZE is still the bytes of article text);\n"
	"            warc: those pages as WARC response records into the file OUT\n"
	"            (.warc.gz, a gzip member per record)\n"
	"  -d SEEDS  folder of seed articles to learn sentences from (default corpus/seeds)\n"
	"example: gencorpus -s 10M /tmp/bench-10M\n";

int main(int argc, char **argv)
{
	uint64_t size = 100000000ULL, written = 0, html_written = 0, warc_raw = 0, seed = 1;
	const char *format = "dir", *seeds = "corpus/seeds", *out;
	struct buf text = BUF_INIT, line = BUF_INIT, title = BUF_INIT, page = BUF_INIT;
	struct marks mk;
	FILE *index;
	char *index_path;
	size_t n = 0, i;
	int jsonl, csv, html, warc, c;
	long v;

	while ((c = getopt(argc, argv, "s:r:f:d:h")) != -1) {
		switch (c) {
		case 's':
			if (parse_size(optarg, &size) < 0)
				die_status(EXIT_USAGE, "bad size '%s' (use e.g. 10M, 100M, 1G)", optarg);
			break;
		case 'r':
			if (parse_long(optarg, 0, 2147483647L, &v) < 0)
				die_status(EXIT_USAGE, "bad seed '%s'", optarg);
			seed = (uint64_t)v;
			break;
		case 'f': format = optarg; break;
		case 'd': seeds = optarg; break;
		case 'h': fputs(usage, stdout); return 0;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	if (argc - optind != 1 || (strcmp(format, "dir") && strcmp(format, "jsonl") &&
				   strcmp(format, "csv") && strcmp(format, "html") && strcmp(format, "warc"))) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	out = argv[optind];
	csv = !strcmp(format, "csv");
	/* CSV is a stream as JSON Lines is: one file, one record an article. */
	jsonl = !strcmp(format, "jsonl") || csv;
	html = !strcmp(format, "html");
	warc = !strcmp(format, "warc");
	rng_state = seed;
	chain_load(seeds);
	zipf_init();

	if (jsonl || warc) {
		index_path = xstrdup(out);
		index = strcmp(out, "-") ? fopen(out, "w") : stdout;
	} else {
		if (ensure_dir(out) < 0)
			return EXIT_FAILED;
		for (i = 0; i < NOUTLETS; i++) {
			char *d = path_join(out, outlets[i].slug);
			if (ensure_dir(d) < 0)
				return EXIT_FAILED;
			free(d);
		}
		index_path = path_join(out, "manifest.tsv");
		index = fopen(index_path, "w");
	}
	if (!index)
		die("cannot write '%s': %s", index_path, strerror(errno));
	if (!jsonl && !warc)
		xwrite(index, "id\tfile\toutlet\tdate\ttitle\tlang\n", 31, index_path);
	if (csv)
		xwrite(index, "id,outlet,date,title,text,lang\r\n", 32, index_path);

	while (written < size) {
		/* Outlets publish at different rates: the first ones more. */
		const struct outlet *o = &outlets[rnd(NOUTLETS + 4) % NOUTLETS];
		struct date dt = civil(15706 + (long)rnd(2900));	/* 2013-01-01 on */
		struct buf id = BUF_INIT;

		n++;
		buf_addf(&id, "%s-%07zu", o->slug, n);
		buf_reset(&title);
		headline(&title, o);
		buf_reset(&text);
		article(&text, html || warc ? &mk : NULL, o, title.data, dt);
		buf_reset(&line);
		if (warc) {
			struct page_rng r;
			r.state = seed * 0xD1B54A32D192ED03ULL + n;
			buf_reset(&page);
			html_page(&page, text.data, text.len, &mk, o, title.data, id.data, &r);
			html_written += page.len;
			warc_record(index, index_path, o, id.data, dt, &page, &warc_raw);
		} else if (csv) {
			csv_field(&line, id.data, id.len);
			buf_addch(&line, ',');
			csv_field(&line, o->name, strlen(o->name));
			buf_addf(&line, ",%04d-%02d-%02d,", dt.y, dt.m, dt.d);
			csv_field(&line, title.data, title.len);
			buf_addch(&line, ',');
			csv_field(&line, text.data, text.len);
			buf_adds(&line, ",en\r\n");
		} else if (jsonl) {
			buf_adds(&line, "{\"id\":");
			json_string(&line, id.data, id.len);
			buf_adds(&line, ",\"outlet\":");
			json_string(&line, o->name, strlen(o->name));
			buf_addf(&line, ",\"date\":\"%04d-%02d-%02d\",\"title\":", dt.y, dt.m, dt.d);
			json_string(&line, title.data, title.len);
			buf_adds(&line, ",\"text\":");
			json_string(&line, text.data, text.len);
			buf_adds(&line, ",\"lang\":\"en\"}\n");
		} else {
			struct buf file = BUF_INIT;
			char *path;
			FILE *f;
			buf_addf(&file, "%s/%s.%s", o->slug, id.data, html ? "html" : "txt");
			path = path_join(out, file.data);
			if (!(f = fopen(path, "w")))
				die("cannot write '%s': %s", path, strerror(errno));
			if (html) {
				struct page_rng r;
				r.state = seed * 0xD1B54A32D192ED03ULL + n;
				buf_reset(&page);
				html_page(&page, text.data, text.len, &mk, o, title.data, id.data, &r);
				xwrite(f, page.data, page.len, path);
				html_written += page.len;
			} else {
				xwrite(f, text.data, text.len, path);
			}
			xclose(f, path);
			free(path);
			buf_addf(&line, "%s\t%s\t%s\t%04d-%02d-%02d\t%s\ten\n", id.data, file.data,
				 o->name, dt.y, dt.m, dt.d, title.data);
			buf_release(&file);
		}
		xwrite(index, line.data, line.len, index_path);
		written += text.len;
		buf_release(&id);
	}
	xclose(index, index_path);
	if (warc)
		fprintf(stderr, "gencorpus: %zu articles, %llu bytes of text in %llu bytes of HTML, "
			"%llu bytes of WARC (uncompressed) in %s\n", n, (unsigned long long)written,
			(unsigned long long)html_written, (unsigned long long)warc_raw, out);
	else if (html)
		fprintf(stderr, "gencorpus: %zu articles, %llu bytes of text in %llu bytes of HTML in %s\n",
			n, (unsigned long long)written, (unsigned long long)html_written, out);
	else
		fprintf(stderr, "gencorpus: %zu articles, %llu bytes of text in %s\n", n,
			(unsigned long long)written, out);
	free(index_path);
	buf_release(&text);
	buf_release(&line);
	buf_release(&title);
	buf_release(&page);
	return 0;
}
