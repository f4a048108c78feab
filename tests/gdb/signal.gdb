continue
stepi
x/i $pc
bt
stepi
x/i $pc
set var stop_spinning = 1
continue
