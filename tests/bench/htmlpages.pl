#!/usr/bin/perl
# Wraps each OUTLET/ID.txt of a text corpus in a news page: head with scripts
# and styles, nav menu, header, the article's lines as <p> with entities and
# inline tags, related links, footer.
use strict; use warnings;
my ($in, $out) = @ARGV; my $n = 0;
mkdir $out;
for my $f (glob "$in/*/*.txt") {
  open my $fh, '<:raw', $f or die; my @l = grep { /\S/ } map { s/\r?\n$//r } <$fh>; close $fh;
  my ($o, $id) = $f =~ m{([^/]+)/([^/]+)\.txt$}; mkdir "$out/$o";
  my $t = shift @l // '';
  my $esc = sub { my $s = shift; $s =~ s/&/&amp;/g; $s =~ s/</&lt;/g; $s =~ s/'/&#8217;/g if $n % 2; $s =~ s/ (\w+) (\w+) / <b>$1<\/b> <a href="\/x">$2<\/a> /; $s };
  open my $w, '>:raw', "$out/$o/$id.html" or die;
  print $w qq{<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>}, $esc->($t), qq{ | $o</title>\n<meta property="og:title" content="}, $esc->($t), qq{">\n<style>body{font:14px sans-serif} .nav li{display:inline}</style>\n<script>var x = 1 < 2 && "</p>"; window.dataLayer=[];</script></head>\n<body><header><nav class="nav"><ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li><li><a href="/b">Business</a></li></ul></nav></header>\n<main><article><h1>}, $esc->($t), qq{</h1>\n<time datetime="2015-09-11T10:00:00Z">Sept 11</time>\n};
  for my $l (@l) { print $w "<p>", $esc->($l), "</p>\n"; }
  print $w qq{</article><aside><h2>Related</h2><ul><li><a href="/r1">China rejects groundless accusations</a></li><li><a href="/r2">Talks resume</a></li></ul></aside></main>\n<footer><p>&copy; 2015 $o. All rights reserved.</p></footer><script src="/a.js"></script></body></html>\n};
  close $w; $n++;
}
print "$n pages\n";
