# SPDX-License-Identifier: GPL-2.0
# Turns the raw figures of tools/bench/run into the table (stdout), the
# JSON file and the chart's data and gnuplot script.
# Input, one figure a line, tab-separated:
#   case stack proto metric unit run value reason
# where value is a number, FAIL or NA.  Variables (-v): json, dat, gp,
# png, meta and boots (JSON text), stacks and cases (space-separated),
# smoke (1: also print KTAP, one case per stack and case).
# Exit status 1 when any figure failed.

BEGIN {
	FS = "\t"
	ncol = split("sctp:sctp sctp:tcp xsctp:sctp xsctp:tcp", col, " ")
	split("sctp.ko|TCP@sctp.ko|xsctp|TCP@xsctp", head, "|")
}

{
	k = $1 SUBSEP $4
	if (!(k in rcase)) {
		rows[++nrows] = k
		rcase[k] = $1
		rmetric[k] = $4
		runit[k] = $5
	}
	c = k SUBSEP $2 ":" $3
	cell[c] = 1
	if ($7 == "FAIL" || $7 == "NA") {
		if ($7 == "FAIL")
			nfail[c]++
		else
			nna[c]++
		if (!(c in why))
			why[c] = $8
		if ($7 == "FAIL")
			failed_case[$2 SUBSEP $1] = 1
	} else if ($7 != "") {
		vals[c, ++nv[c]] = $7 + 0
	}
	seen_case[$2 SUBSEP $1] = 1
}

function fmt(x) {
	if (x == "")
		return "-"
	if (x >= 100 || x <= -100)
		return sprintf("%.0f", x)
	if (x >= 10 || x <= -10)
		return sprintf("%.1f", x)
	return sprintf("%.2f", x)
}

function ratio(a, b) {
	if (a == "" || b == "" || b == 0)
		return ""
	return a / b
}

function jstr(s) {
	# reasons are free text: keep JSON quoting trivial
	gsub(/\\/, "/", s)
	gsub(/"/, "'", s)
	gsub(/[\001-\037]/, " ", s)
	return "\"" s "\""
}

# the chart's y axis is logarithmic: no bar for a ratio it cannot show
function bar(x) {
	return x == "" || x <= 0 ? "?" : x
}

function jnum(x) {
	return x == "" ? "null" : sprintf("%.6g", x)
}

# median, min and max of a cell's numeric runs into med[], lo[], hi[]
function stats(c,    n, i, j, t, a) {
	n = nv[c]
	if (!n)
		return
	for (i = 1; i <= n; i++)
		a[i] = vals[c, i]
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && a[j - 1] > a[j]; j--) {
			t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
		}
	med[c] = n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
	lo[c] = a[1]
	hi[c] = a[n]
}

function show(c,    s) {
	if (!(c in cell))
		return "-"
	if (!nv[c])
		return nfail[c] ? "FAIL" : "n/a"
	s = fmt(med[c])
	if (nv[c] > 1 && med[c] != 0)
		s = s sprintf(" +-%.0f%%", (hi[c] - lo[c]) / 2 / (med[c] < 0 ? -med[c] : med[c]) * 100)
	if (nfail[c])
		s = s " !"
	return s
}

END {
	for (c in cell)
		stats(c)

	# case 6: how the rate scales from one CPU to two
	k1 = 6 SUBSEP "many_1cpu"
	k2 = 6 SUBSEP "many_2cpu"
	if ((k1 in rcase) && (k2 in rcase)) {
		k = 6 SUBSEP "many_2cpu/1cpu"
		rows[++nrows] = k
		rcase[k] = 6
		rmetric[k] = "many_2cpu/1cpu"
		runit[k] = "x"
		for (i = 1; i <= ncol; i++) {
			r = ratio(med[k2 SUBSEP col[i]], med[k1 SUBSEP col[i]])
			if (r != "") {
				cell[k SUBSEP col[i]] = 1
				med[k SUBSEP col[i]] = r
				nv[k SUBSEP col[i]] = 1
			}
		}
	}

	# rows in case order, first appearance within a case
	for (i = 2; i <= nrows; i++)
		for (j = i; j > 1 && rcase[rows[j - 1]] + 0 > rcase[rows[j]] + 0; j--) {
			t = rows[j]; rows[j] = rows[j - 1]; rows[j - 1] = t
		}

	printf "%-4s %-16s %-8s", "case", "metric", "unit"
	for (i = 1; i <= ncol; i++)
		printf " %15s", head[i]
	printf " %9s %9s %9s\n", "xsctp/ko", "ko/TCP", "xsctp/TCP"
	for (i = 1; i <= nrows; i++) {
		k = rows[i]
		x = k SUBSEP "xsctp:sctp"; s = k SUBSEP "sctp:sctp"
		xt = k SUBSEP "xsctp:tcp"; st = k SUBSEP "sctp:tcp"
		rx[k] = ratio(med[x], med[s])
		rs[k] = ratio(med[s], med[st])
		rxt[k] = ratio(med[x], med[xt])
		printf "%-4s %-16s %-8s", rcase[k], rmetric[k], runit[k]
		for (j = 1; j <= ncol; j++)
			printf " %15s", show(k SUBSEP col[j])
		printf " %9s %9s %9s\n", fmt(rx[k]), fmt(rs[k]), fmt(rxt[k])
	}
	print "(median of the runs +- half their range; ! = some runs failed; ratios of medians;"
	print " lower is better for *_per_assoc, hb_*cpu* and failover_*, higher for the rest)"

	nnote = 0
	for (i = 1; i <= nrows; i++)
		for (j = 1; j <= ncol; j++) {
			c = rows[i] SUBSEP col[j]
			if (!(c in why))
				continue
			if (!nnote++)
				print "\nFAIL and n/a:"
			split(col[j], sp, ":")
			printf "  case %s %s, %s %s: %s%s\n", rcase[rows[i]],
				rmetric[rows[i]], sp[1] == "sctp" ? "sctp.ko" : sp[1],
				sp[2], nfail[c] ? "FAIL: " : "n/a: ", why[c]
		}

	# JSON: every raw run, the statistics and the ratios
	printf "{\n  \"meta\": %s,\n  \"boots\": %s,\n  \"results\": [", meta, boots > json
	for (i = 1; i <= nrows; i++) {
		k = rows[i]
		printf "%s\n    {\"case\": %d, \"metric\": %s, \"unit\": %s, \"cells\": [",
			(i > 1 ? "," : ""), rcase[k], jstr(rmetric[k]), jstr(runit[k]) > json
		first = 1
		for (j = 1; j <= ncol; j++) {
			c = k SUBSEP col[j]
			if (!(c in cell))
				continue
			split(col[j], sp, ":")
			printf "%s\n      {\"stack\": %s, \"proto\": %s, \"runs\": [",
				(first ? "" : ","), jstr(sp[1]), jstr(sp[2]) > json
			first = 0
			for (n = 1; n <= nv[c] && (c SUBSEP n) in vals; n++)
				printf "%s%s", (n > 1 ? ", " : ""), jnum(vals[c, n]) > json
			printf "], \"median\": %s, \"min\": %s, \"max\": %s, \"failed\": %d, \"na\": %d, \"reason\": %s}",
				jnum(med[c]), jnum(lo[c]), jnum(hi[c]), nfail[c],
				nna[c], (c in why) ? jstr(why[c]) : "null" > json
		}
		printf "\n    ], \"ratios\": {\"xsctp_over_sctp\": %s, \"sctp_over_tcp\": %s, \"xsctp_over_tcp\": %s}}",
			jnum(rx[k]), jnum(rs[k]), jnum(rxt[k]) > json
	}
	printf "\n  ]\n}\n" > json
	close(json)

	# chart: one cluster of ratio bars per metric that has a ratio
	for (i = 1; i <= nrows; i++) {
		k = rows[i]
		# a count is the same on both stacks unless a run failed
		if ((rx[k] == "" && rs[k] == "" && rxt[k] == "") ||
		    runit[k] == "count")
			continue
		printf "c%s %s\t%s\t%s\t%s\n", rcase[k], rmetric[k],
			bar(rx[k]), bar(rs[k]), bar(rxt[k]) > dat
		have[2] += rx[k] != ""
		have[3] += rs[k] != ""
		have[4] += rxt[k] != ""
		nbars++
	}
	close(dat)
	title[2] = "xsctp / sctp.ko"
	title[3] = "sctp.ko / TCP (same boot)"
	title[4] = "xsctp / TCP (same boot)"
	print "set terminal pngcairo size 1400,700 font ',10'" > gp
	printf "set output '%s'\n", png > gp
	print "set title 'xsctp benchmark: ratios of medians (log scale, 1 = equal)'" > gp
	print "set datafile separator '\\t'" > gp
	print "set datafile missing '?'" > gp
	print "set style data histograms" > gp
	print "set style histogram clustered gap 1" > gp
	print "set style fill solid 0.8 border -1" > gp
	print "set logscale y" > gp
	print "set grid ytics" > gp
	print "set key top left" > gp
	print "set xtics rotate by -40 scale 0" > gp
	print "set ylabel 'ratio'" > gp
	print "set termoption noenhanced" > gp
	plot = ""
	for (j = 2; j <= 4; j++)
		if (have[j])
			plot = plot (plot == "" ? "" : ", ") sprintf("'%s' using %d:xtic(1) title '%s'", dat, j, title[j])
	if (plot == "" || !nbars)
		plot = "1 title 'no ratio to show'"
	print "plot " plot ", 1 with lines dt 2 lc rgb 'black' notitle" > gp
	close(gp)

	bad = 0
	for (kc in failed_case)
		bad = 1
	if (smoke) {
		ns = split(stacks, stk, " ")
		nc = split(cases, cs, " ")
		print "\nKTAP version 1"
		print "1.." ns * nc
		n = 0
		for (i = 1; i <= ns; i++)
			for (j = 1; j <= nc; j++) {
				kc = stk[i] SUBSEP cs[j]
				ok = (kc in seen_case) && !(kc in failed_case)
				printf "%sok %d bench smoke %s case %s\n", (ok ? "" : "not "),
					++n, stk[i] == "sctp" ? "sctp.ko" : stk[i], cs[j]
			}
	}
	exit bad
}
