package tiles

import (
	"bytes"
	"context"
	"fmt"
	"image"
	_ "image/jpeg" // tile servers serve PNG or JPEG
	_ "image/png"
	"io"
	"net/http"
)

// fetch downloads and decodes t, returning the image and its bytes.
func (f *Fetcher) fetch(t Tile) (image.Image, []byte, error) {
	ctx, cancel := context.WithTimeout(f.ctx, f.opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, f.src.URL(t.Z, t.X, t.Y), nil)
	if err != nil {
		return nil, nil, err
	}
	req.Header.Set("User-Agent", f.opt.UserAgent)
	req.Header.Set("Accept", "image/png,image/jpeg;q=0.9,*/*;q=0.5")
	resp, err := f.opt.Client.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // lets the connection be reused
		return nil, nil, errStatus(resp.StatusCode)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxTileBytes+1))
	if err != nil {
		return nil, nil, err
	}
	if len(data) > maxTileBytes {
		return nil, nil, errBadTile(fmt.Sprintf("tile %s is larger than %d bytes", t, maxTileBytes))
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, nil, errBadTile(fmt.Sprintf("tile %s is not an image: %v", t, err))
	}
	return img, data, nil
}

// errBadTile is a reply that is not a usable tile: like a 404, it is the
// tile's fault, not the server's.
type errBadTile string

func (e errBadTile) Error() string { return string(e) }
