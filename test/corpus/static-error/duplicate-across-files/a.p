type tId = int;
event eJoin: tId;
