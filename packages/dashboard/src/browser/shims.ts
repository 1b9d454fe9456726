/** The subscription link encodes its auth header with Node's `Buffer`; browsers get the `buffer` package's. */
import { Buffer } from 'buffer';

export { Buffer };
