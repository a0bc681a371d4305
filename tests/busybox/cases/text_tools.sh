# grep, sed, awk, sort, uniq, wc, head, tail on a known text
printf 'pear\napple\nfig\napple\nbanana\n' > fruit
busybox grep -n an fruit
busybox grep -c apple fruit
busybox sed -e 's/a/A/g' -e '2d' fruit
busybox awk '{ n += length($0) } END { print NR, n }' fruit
busybox sort fruit | busybox uniq -c
busybox sort -r fruit | busybox head -n 2
busybox tail -n 2 fruit
busybox wc fruit
