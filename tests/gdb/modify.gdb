break *bump
continue
info registers x0
set $x0 = 50
set var result = 42
p result
x/wx &result
delete
continue
