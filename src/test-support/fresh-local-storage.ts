/** Imported before app state: the page starts as in a fresh browser profile, with empty localStorage. */
import { installLocalStorage } from './memory-storage';

installLocalStorage();
