break main
continue
bt
info sharedlibrary
x/4i $pc
continue
