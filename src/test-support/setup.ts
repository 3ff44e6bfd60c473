import { afterAll } from 'vitest';
import { removeTestDatabases } from './database.js';

// Registered before the file's own hooks, so it runs after them (Vitest runs after-hooks in reverse order): the
// file's apps and servers are closed before their databases go.
afterAll(removeTestDatabases);
