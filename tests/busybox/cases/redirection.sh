# redirections and descriptors
echo out > f1
echo more >> f1
busybox cat f1
busybox cat < f1 | busybox wc -l
busybox ls nothing-here 2> err; busybox wc -l < err
echo to-stderr 1>&2
exec 3> f3; echo via-fd3 >&3; exec 3>&-; busybox cat f3
