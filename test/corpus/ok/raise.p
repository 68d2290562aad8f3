// `raise`: a parser machine raises events, with and without payloads, that its current state
// handles before anything in the inbox.
event eLine: string;
event eBlank;
event eWord: (word: string, position: int);
event eEnd;

machine Tokenizer receives eLine, eEnd; {
    var words: seq[string];
    var blanks: int;

    start state Reading {
        on eLine do (line: string) {
            if (line == "") {
                raise eBlank;
            }
            raise eWord, (word = line, position = sizeof(words));
        }
        on eBlank do {
            blanks = blanks + 1;
        }
        on eWord do (w: (word: string, position: int)) {
            assert w.position == sizeof(words);
            words += (w.position, w.word);
        }
        on eEnd goto Finished;
    }

    state Finished {
        entry {
            assert sizeof(words) + blanks == 3, format("{0} words and {1} blanks", sizeof(words), blanks);
        }
        ignore eLine;
    }
}

machine Feeder sends eLine, eEnd; {
    start state Start {
        entry {
            var t: Tokenizer;
            t = new Tokenizer();
            send t, eLine, "alpha";
            send t, eLine, "";
            send t, eLine, "beta";
            send t, eEnd;
        }
    }
}

test Tokens [main=Feeder]: { Feeder, Tokenizer };
