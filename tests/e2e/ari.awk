# Adjusted Rand index (Hubert & Arabie 1985) of two labellings of the same
# ids: awk -f ari.awk TRUTH FOUND, each a TSV with a header whose first
# column is the id; TRUTH's label is column 2, FOUND's column "story".
# Prints the index; ids in one file only are an error (exit 1). The same
# formula as R's mclust::adjustedRandIndex, which the e2e test runs beside.
function c2(n) { return n * (n - 1) / 2 }
BEGIN { FS = "\t" }
FNR == 1 {
	file++
	if (file == 2)
		for (i = 1; i <= NF; i++) if ($i == "story") col = i
	next
}
file == 1 { truth[$1] = $2; next }
{
	if (!($1 in truth)) { print "id only in the stories: " $1 > "/dev/stderr"; bad = 1; exit 1 }
	found[$1] = $col
}
END {
	if (bad) exit 1
	for (id in truth) {
		if (!(id in found)) { print "id without a story: " id > "/dev/stderr"; exit 1 }
		n++; cell[truth[id] SUBSEP found[id]]++; rows[truth[id]]++; cols[found[id]]++
	}
	for (k in cell) sij += c2(cell[k])
	for (k in rows) si += c2(rows[k])
	for (k in cols) sj += c2(cols[k])
	expected = si * sj / c2(n)
	top = (si + sj) / 2
	printf "%.6f\n", (top == expected) ? 1 : (sij - expected) / (top - expected)
}
