watch counter
continue
bt 1
continue
continue
delete
continue
