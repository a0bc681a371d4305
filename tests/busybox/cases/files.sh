# mkdir, cp, mv, rm, ls, cat, find, touch
busybox mkdir -p a/b/c
echo one > a/b/file
busybox cp a/b/file a/copy
busybox mv a/copy a/moved
busybox touch a/b/c/empty
busybox find a | busybox sort
busybox cat a/moved a/b/file
busybox ls a | busybox cat    # a pipe: one name a line, as on the host
busybox ls -1 a/b
busybox rm -r a/b
busybox ls a | busybox cat    # a pipe: one name a line, as on the host
busybox rm a/missing; echo "rm status $?"
