# busybox sh: exit statuses, && ||, functions, arithmetic, here-documents, subshells
busybox sh -c 'exit 3'; echo "status $?"
busybox true && echo and-true
busybox false || echo or-false
f() { echo "function got $1"; return 4; }
f arg; echo "returned $?"
x=$((6 * 7)); echo "x=$x"
busybox cat <<END
here $x
END
(cd /; pwd)
pwd | busybox grep -q /tmp/bb && echo "cwd is the scratch dir"
for i in 1 2 3; do echo -n "$i "; done; echo
case abc in a*) echo matched;; esac
