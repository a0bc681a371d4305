# background jobs, wait, kill, ps states, sleep
busybox sleep 5 &
pid=$!
busybox sleep 0.3	# let it reach its sleep
busybox ps -o pid,stat | busybox awk -v p=$pid '$1 == p { print "sleeping state:", substr($2, 1, 1) }'
kill -STOP $pid
busybox sleep 0.2
busybox ps -o pid,stat | busybox awk -v p=$pid '$1 == p { print "stopped state:", substr($2, 1, 1) }'
kill -CONT $pid
exec 2>/dev/null	# the shell's own "Terminated" notice comes when it likes: not compared
kill $pid
wait $pid; echo "killed status $?"
busybox sleep 0.1 && echo slept
busybox kill -0 $$ && echo "shell is alive"
(exit 7) & wait $!; echo "background exit $?"
