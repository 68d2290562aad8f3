fun Register(names: map[int, string]) {
    names += ("anonymous");
}
