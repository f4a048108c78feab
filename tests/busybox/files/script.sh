# Shell builtins only: no pipelines, no command substitution, no external
# commands (those fork and exec, which come later).
fact() {
  local k=$1
  r=1
  while [ "$k" -gt 1 ]; do r=$((r * k)); k=$((k - 1)); done
}
classify() {
  case $1 in
    [0-9]*) kind=number ;;
    -*) kind=option ;;
    *.txt) kind=text ;;
    *) kind=word ;;
  esac
}
echo "script: $# arguments: $*"
for arg in "$@"; do
  classify "$arg"
  echo "  $arg is a $kind (${#arg} characters)"
done
for n in 0 1 5 10 20; do
  fact $n
  echo "$n! = $r"
done
i=0 total=0
while [ $i -lt 1000 ]; do
  i=$((i + 1))
  [ $((i % 3)) -eq 0 ] || [ $((i % 5)) -eq 0 ] && total=$((total + i))
done
echo "sum of multiples of 3 or 5 below 1001: $total"
path=/usr/local/lib/libfoo.so.1.2
echo "${path##*/} ${path%/*} ${path#/usr} ${path%.so*}"
printf '%05d|%-6s|%x|%o|%c\n' 42 ab 255 8 xyz
set -- alpha beta gamma
shift
echo "after shift: $1 $2 ($#)"
unset path
echo "unset: [${path-gone}] [${path:-default}]"
exit 7
