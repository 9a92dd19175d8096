export { OnScreenKeyboard } from './OnScreenKeyboard'
