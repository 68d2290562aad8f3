// Collection updates: `+=` and `-=` on seq, set and map, and assignment to variables, fields,
// elements and nested locations.
type tShelf = (label: string, books: seq[string], tags: set[string]);
type tLibrary = (shelves: map[int, tShelf], count: int);

machine Librarian {
    var library: tLibrary;
    var matrix: seq[seq[int]];
    var index: map[string, set[int]];

    start state Work {
        entry {
            var shelf: tShelf;
            var row: seq[int];
            shelf.label = "fiction";
            shelf.books += (0, "Dune");
            shelf.books += (1, "Emma");
            shelf.books += (1, "Ulysses");
            shelf.books -= 0;
            shelf.tags += ("classic");
            shelf.tags += ("novel");
            shelf.tags -= "novel";
            library.shelves += (1, shelf);
            library.shelves[2] = shelf;
            library.shelves[2].label = "more fiction";
            library.shelves[2].books[0] = "Middlemarch";
            library.shelves[2].tags += ("long");
            library.shelves -= 1;
            library.count = sizeof(library.shelves);

            row += (0, 1);
            row += (1, 2);
            matrix += (0, row);
            matrix += (1, row);
            matrix[1][0] = 5;
            matrix[0] -= 1;

            index["dune"] = default(set[int]);
            index["dune"] += (2);
            index["dune"] += (3);
            index["dune"] -= 3;

            assert library.count == 1;
            assert library.shelves[2].books[0] == "Middlemarch";
            assert sizeof(library.shelves[2].books) == 2;
            assert "classic" in library.shelves[2].tags && "long" in library.shelves[2].tags;
            assert matrix[1][0] == 5 && sizeof(matrix[0]) == 1;
            assert 2 in index["dune"] && !(3 in index["dune"]);
        }
    }
}

test Shelving [main=Librarian]: { Librarian };
