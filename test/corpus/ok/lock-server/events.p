// The lock protocol: a client asks for the lock, is granted it, and releases it.
event eAcquire: LockClient;
event eGrant;
event eRelease: LockClient;

// Announced to the specs when a client enters and leaves its critical section.
event eEnterCritical: LockClient;
event eLeaveCritical: LockClient;

eventset LockRequests = { eAcquire, eRelease };
