package safewrite

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"
)

// The rest of fileRepository hands each call to the driver's repository,
// or reports that it cannot do it, as Fyne's storage functions expect.

// Exists reports whether u exists.
func (r *fileRepository) Exists(u fyne.URI) (bool, error) { return r.base.Exists(u) }

// Reader opens u for reading.
func (r *fileRepository) Reader(u fyne.URI) (fyne.URIReadCloser, error) { return r.base.Reader(u) }

// CanRead reports whether u can be read.
func (r *fileRepository) CanRead(u fyne.URI) (bool, error) { return r.base.CanRead(u) }

// Destroy is called when the repository is unregistered.
func (r *fileRepository) Destroy(scheme string) { r.base.Destroy(scheme) }

// CanWrite reports whether u can be written.
func (r *fileRepository) CanWrite(u fyne.URI) (bool, error) {
	if w, ok := r.base.(repository.WritableRepository); ok {
		return w.CanWrite(u)
	}
	return false, repository.ErrOperationNotSupported
}

// Delete deletes u.
func (r *fileRepository) Delete(u fyne.URI) error {
	if w, ok := r.base.(repository.WritableRepository); ok {
		return w.Delete(u)
	}
	return repository.ErrOperationNotSupported
}

// Appender opens u for appending.
func (r *fileRepository) Appender(u fyne.URI) (fyne.URIWriteCloser, error) {
	if a, ok := r.base.(repository.AppendableRepository); ok {
		return a.Appender(u)
	}
	return nil, repository.ErrOperationNotSupported
}

// DeleteAll deletes u and everything under it.
func (r *fileRepository) DeleteAll(u fyne.URI) error {
	if d, ok := r.base.(repository.DeleteAllRepository); ok {
		return d.DeleteAll(u)
	}
	return repository.ErrOperationNotSupported
}

// Parent is u's parent.
func (r *fileRepository) Parent(u fyne.URI) (fyne.URI, error) {
	if h, ok := r.base.(repository.HierarchicalRepository); ok {
		return h.Parent(u)
	}
	return nil, repository.ErrOperationNotSupported
}

// Child is the child of u named component.
func (r *fileRepository) Child(u fyne.URI, component string) (fyne.URI, error) {
	if h, ok := r.base.(repository.HierarchicalRepository); ok {
		return h.Child(u, component)
	}
	return nil, repository.ErrOperationNotSupported
}

// CanList reports whether u is a listable folder.
func (r *fileRepository) CanList(u fyne.URI) (bool, error) {
	if l, ok := r.base.(repository.ListableRepository); ok {
		return l.CanList(u)
	}
	return false, repository.ErrOperationNotSupported
}

// List lists the folder u.
func (r *fileRepository) List(u fyne.URI) ([]fyne.URI, error) {
	if l, ok := r.base.(repository.ListableRepository); ok {
		return l.List(u)
	}
	return nil, repository.ErrOperationNotSupported
}

// CreateListable creates the folder u.
func (r *fileRepository) CreateListable(u fyne.URI) error {
	if l, ok := r.base.(repository.ListableRepository); ok {
		return l.CreateListable(u)
	}
	return repository.ErrOperationNotSupported
}

// Copy copies source to destination.
func (r *fileRepository) Copy(source, destination fyne.URI) error {
	if c, ok := r.base.(repository.CopyableRepository); ok {
		return c.Copy(source, destination)
	}
	return repository.ErrOperationNotSupported
}

// Move moves source to destination.
func (r *fileRepository) Move(source, destination fyne.URI) error {
	if m, ok := r.base.(repository.MovableRepository); ok {
		return m.Move(source, destination)
	}
	return repository.ErrOperationNotSupported
}
