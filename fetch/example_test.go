package fetch_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"

	"github.com/rpscreen/rpscreen/fetch"
)

func ExampleUpdate() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"results":[]}`)
	}))
	defer srv.Close()
	dir, _ := os.MkdirTemp("", "store")
	defer os.RemoveAll(dir)

	store, _ := fetch.OpenStore(dir)
	ep := fetch.DefaultEndpoints()
	ep.CSL = srv.URL // a mirror or test server
	v, changed, err := fetch.Update(context.Background(), &fetch.Client{}, store, "csl.json", ep.CSLFile("json"), nil)
	fmt.Println(v.Size, changed, err)
	// Output: 14 true <nil>
}
