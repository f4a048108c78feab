break *step_me
continue
x/i $pc
stepi
x/i $pc
stepi
x/i $pc
stepi
x/i $pc
stepi
x/i $pc
info registers x0 x8
stepi
x/i $pc
p/x $x0
stepi
p $x0
stepi
bt 1
continue
