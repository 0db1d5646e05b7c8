// The limits this library takes are plain values of the Limits target; its clients set them.
@_exported import Limits
