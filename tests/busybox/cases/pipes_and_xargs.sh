# pipelines, xargs, seq, env, echo
busybox seq 1 5 | busybox xargs -n 2 echo
echo "a b c" | busybox xargs -n 1 | busybox wc -l
busybox env GREETING=hi busybox sh -c 'echo $GREETING'
busybox echo -n no newline; echo
busybox seq 3 | while read n; do echo "line $n"; done
