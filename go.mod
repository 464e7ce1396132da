module github.com/rpscreen/rpscreen

go 1.26.8

require (
	github.com/google/go-cmp v0.7.0
	github.com/mozillazg/go-pinyin v0.21.0
	golang.org/x/text v0.43.0
)
